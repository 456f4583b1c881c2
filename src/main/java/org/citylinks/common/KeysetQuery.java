package org.citylinks.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a keyset-paged SQL list. The caller names the columns it wants, the FROM clause, the
 * filters and the order; this class adds the page boundary: rows strictly after the cursor's sort
 * key values, the order with a unique tie-breaker last, and one row more than the page to tell
 * whether another page follows. Rows inserted meanwhile therefore never shift what follows.
 */
public final class KeysetQuery {

    /**
     * One ORDER BY term: an SQL expression, its direction, and the SQL type its value is carried in
     * the cursor as (the cursor holds every value as text).
     */
    public record SortKey(String expression, boolean descending, String type) {

        public static SortKey asc(String expression, String type) {
            return new SortKey(expression, false, type);
        }

        public static SortKey desc(String expression, String type) {
            return new SortKey(expression, true, type);
        }
    }

    /** A field a list can be sorted by: its SQL expression and the SQL type of its value. */
    public record SortField(String expression, String type) {
    }

    /**
     * The sort keys a {@code sort} parameter names ({@code field} ascending, {@code -field}
     * descending) among the fields a list offers, ended by the unique id; 400 for any other value.
     */
    public static List<SortKey> sortKeys(java.util.Map<String, SortField> fields, String value, String idExpression) {
        boolean descending = value.startsWith("-");
        SortField field = fields.get(descending ? value.substring(1) : value);
        if (field == null) {
            throw ProblemException.invalidParameter("sort", "must be one of " + fields.keySet().stream().sorted()
                    .flatMap(name -> java.util.stream.Stream.of(name, "-" + name)).toList());
        }
        return List.of(new SortKey(field.expression(), descending, field.type()),
                new SortKey(idExpression, descending, "uuid"));
    }

    /**
     * One row of a page: the requested columns by their labels (the column's name, or its
     * {@code AS} alias), as PostgreSQL writes them (lower case).
     */
    public record Row(java.util.Map<String, Object> values) {

        public Object get(String label) {
            if (!values.containsKey(label)) {
                throw new IllegalArgumentException("No column " + label + " in " + values.keySet());
            }
            return values.get(label);
        }

        public String text(String label) {
            return (String) get(label);
        }

        public java.util.UUID uuid(String label) {
            return (java.util.UUID) get(label);
        }

        /** A whole number of any SQL integer type, or null. */
        public Long number(String label) {
            Object value = get(label);
            return value == null ? null : ((Number) value).longValue();
        }

        /** A number of any SQL numeric type, or null. */
        public Double decimal(String label) {
            Object value = get(label);
            return value == null ? null : ((Number) value).doubleValue();
        }

        public java.time.LocalDate date(String label) {
            Object value = get(label);
            return value == null ? null : ((java.sql.Date) value).toLocalDate();
        }

        public java.time.Instant instant(String label) {
            Object value = get(label);
            return value == null ? null : ((java.sql.Timestamp) value).toInstant();
        }
    }

    /** A page: the rows (the requested columns, by label) and the cursor of the next page, or null. */
    public record Page(List<Row> rows, String next) {

        /** The {@code id} column of every row: an entity list selects its entities' ids. */
        public List<java.util.UUID> ids() {
            return rows.stream().map(row -> row.uuid("id")).toList();
        }

        /**
         * The entities of {@link #ids()}, in the page's order; any deleted since the page was read
         * are left out. Hibernate loads them with one {@code id = any(?)} statement whose SQL it
         * keeps, where an {@code IN} list of varying length would be translated afresh each time;
         * their collections follow in batches.
         */
        public <T> List<T> load(jakarta.persistence.EntityManager entityManager, Class<T> type) {
            if (rows.isEmpty()) {
                return List.of();
            }
            return entityManager.unwrap(org.hibernate.Session.class).findMultiple(type, ids()).stream()
                    .filter(java.util.Objects::nonNull).toList();
        }
    }

    /** The labels of the sort keys' text forms, which carry the cursor and are not part of a row. */
    private static final String KEY_LABEL = "keyset_key_";

    private final String columns;
    private final StringBuilder from = new StringBuilder();
    private final List<Object> fromParameters = new ArrayList<>();
    private final StringBuilder where = new StringBuilder(" WHERE TRUE");
    private final List<Object> whereParameters = new ArrayList<>();
    private final List<String> fingerprint = new ArrayList<>();
    private List<SortKey> order = List.of();

    /**
     * @param columns the select list, comma-separated; each column is read by its label, so two
     *                columns of the same name need an {@code AS} alias
     * @param from    the FROM clause, joins included, without the keyword
     */
    public KeysetQuery(String columns, String from, Object... parameters) {
        this(columns, from, java.util.Arrays.asList(parameters), java.util.Arrays.asList(parameters));
    }

    /**
     * As {@link #KeysetQuery(String, String, Object...)}, for a FROM clause some of whose
     * parameters are worked out from the others (such as the typos forgiven in a text, which
     * depend on the words known at the time): only {@code fingerprinted} go into the cursor's
     * fingerprint, so that a cursor stays good while those change.
     */
    public KeysetQuery(String columns, String from, List<Object> parameters, List<Object> fingerprinted) {
        this.columns = columns;
        this.from.append(from);
        this.fromParameters.addAll(parameters);
        fingerprint.add(from + fingerprinted);
    }

    /** Adds a condition; {@code describe} goes into the cursor's fingerprint with the parameters. */
    public KeysetQuery where(String condition, Object... parameters) {
        where.append(" AND (").append(condition).append(')');
        whereParameters.addAll(java.util.Arrays.asList(parameters));
        fingerprint.add(condition + java.util.Arrays.asList(parameters));
        return this;
    }

    /** The order; the last key must be unique (an id) so that the order is total. */
    public KeysetQuery orderBy(List<SortKey> keys) {
        this.order = List.copyOf(keys);
        fingerprint.add("order " + keys);
        return this;
    }

    /** Whether {@code cursor} is one this query (same filters and order) handed out. */
    public boolean madeCursor(String cursor) {
        return Cursor.madeFor(cursor, queryFingerprint());
    }

    /** Runs the query on the connection of the current persistence context. */
    public Page run(jakarta.persistence.EntityManager entityManager, String cursor, int limit) {
        return entityManager.unwrap(org.hibernate.Session.class)
                .doReturningWork(connection -> run(connection, cursor, limit));
    }

    /** Runs the query for the page after {@code cursor} (null for the first page). */
    public Page run(Connection connection, String cursor, int limit) throws SQLException {
        String queryFingerprint = queryFingerprint();
        List<Object> parameters = new ArrayList<>(fromParameters);
        parameters.addAll(whereParameters);
        String sql = sql(cursor == null ? null : Cursor.decode(cursor, queryFingerprint, order.size()).keys(), parameters);
        parameters.add(limit + 1);
        List<Row> rows = new ArrayList<>();
        List<String> lastKeys = null;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<String> labels = labels(rs.getMetaData());
                while (rs.next() && rows.size() < limit + 1) {
                    rows.add(row(rs, labels));
                    if (rows.size() == limit) {
                        lastKeys = new ArrayList<>();
                        for (int k = 0; k < order.size(); k++) {
                            lastKeys.add(rs.getString(KEY_LABEL + k));
                        }
                    }
                }
            }
        }
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        return new Page(rows.subList(0, limit), new Cursor(queryFingerprint, lastKeys).encode());
    }

    /**
     * The statement: the columns and each sort key's text (for the next cursor), the filters, the
     * rows after {@code after} (the cursor's keys, null for the first page) and the order; its
     * parameters are appended to {@code parameters}, all but the limit, which is the last.
     */
    private String sql(List<String> after, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("SELECT ").append(columns);
        for (int k = 0; k < order.size(); k++) {
            sql.append(", CAST(").append(order.get(k).expression()).append(" AS text) AS ").append(KEY_LABEL).append(k);
        }
        sql.append(" FROM ").append(from).append(where);
        if (after != null) {
            appendAfter(sql, parameters, after);
        }
        sql.append(" ORDER BY ");
        for (int i = 0; i < order.size(); i++) {
            SortKey key = order.get(i);
            sql.append(i > 0 ? ", " : "").append(key.expression()).append(key.descending() ? " DESC" : "");
        }
        return sql.append(" LIMIT ?").toString();
    }

    /** The labels of the requested columns (the sort keys' text follows them); a label given twice is a bug. */
    private List<String> labels(java.sql.ResultSetMetaData meta) throws SQLException {
        List<String> labels = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount() - order.size(); c++) {
            String label = meta.getColumnLabel(c);
            if (labels.contains(label)) {
                throw new IllegalStateException("Two columns are labelled " + label + ": alias one of them");
            }
            labels.add(label);
        }
        return labels;
    }

    private static Row row(ResultSet rs, List<String> labels) throws SQLException {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            Object value = rs.getObject(c + 1);
            // An SQL array is read while the result set is open, as the Java array it holds.
            values.put(labels.get(c), value instanceof java.sql.Array array ? array.getArray() : value);
        }
        return new Row(values);
    }

    private String queryFingerprint() {
        return Cursor.fingerprint(String.join("|", fingerprint));
    }

    /** Rows strictly after the cursor in the order (k1, k2, ..., kn). */
    private void appendAfter(StringBuilder sql, List<Object> parameters, List<String> values) {
        sql.append(" AND (");
        for (int i = 0; i < order.size(); i++) {
            sql.append(i > 0 ? " OR " : "").append('(');
            for (int j = 0; j < i; j++) {
                SortKey equal = order.get(j);
                sql.append(equal.expression()).append(" = CAST(? AS ").append(equal.type()).append(") AND ");
                parameters.add(values.get(j));
            }
            SortKey key = order.get(i);
            sql.append(key.expression()).append(key.descending() ? " < " : " > ")
                    .append("CAST(? AS ").append(key.type()).append("))");
            parameters.add(values.get(i));
        }
        sql.append(')');
    }
}
