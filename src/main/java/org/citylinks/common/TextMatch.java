package org.citylinks.common;

/**
 * The free-text search of a list ({@code q}): full-text search for whole words and prefixes, plus
 * trigram word similarity for near spellings, over a table's generated {@code search_vector} and
 * {@code search_text} columns (both normalised: no case, no accents, no stemming).
 */
public final class TextMatch {

    private TextMatch() {
    }

    /**
     * The FROM clause of {@code table alias} joined to the query's inputs {@code p}, bound once:
     * {@code p.text} (the normalised words) and {@code p.query} (the prefix tsquery).
     */
    public static KeysetQuery query(String columns, int columnCount, String table, String alias, String text) {
        return new KeysetQuery(columns, columnCount, table + " " + alias
                + " CROSS JOIN (SELECT citylinks_normalize(CAST(? AS text)) AS text,"
                + " citylinks_query(CAST(? AS text)) AS query) p", text, text);
    }

    /** Rows whose text has every word (or a word starting with it), or is close to the words typed. */
    public static String condition(String alias) {
        return alias + ".search_vector @@ p.query OR p.text <% " + alias + ".search_text";
    }

    /** Best match first: word rank plus similarity. */
    public static KeysetQuery.SortKey relevance(String alias) {
        return KeysetQuery.SortKey.desc("CAST(coalesce(ts_rank(" + alias + ".search_vector, p.query), 0)"
                + " + word_similarity(p.text, " + alias + ".search_text) AS double precision)", "double precision");
    }
}
