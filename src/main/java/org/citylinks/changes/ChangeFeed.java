package org.citylinks.changes;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.citylinks.api.model.ChangeDto;
import org.citylinks.api.model.ChangePageDto;
import org.citylinks.common.CurrentUser;
import org.citylinks.common.ProblemException;
import org.citylinks.common.Viewer;

/**
 * Reads the change log (V7__change_feed.sql) after a position. A position is the commit number
 * and the row id of the last change a client has seen, written {@code c1-<commit>-<row>}; rows
 * are only ever numbered in commit order, so reading strictly after it misses nothing.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Pattern POSITION = Pattern.compile("c1-(\\d{1,18})-(\\d{1,18})");
    private static final String NOW = "now";
    private static final Map<String, String> PATHS = Map.of("city", "/v1/cities/", "visit", "/v1/visits/",
            "conference", "/v1/conferences/", "proposal", "/v1/proposals/", "partnership", "/v1/partnerships/");

    /** Every change as it was: what an operator reads. */
    private static final String ALL = """
            SELECT commit_seq, id, resource, resource_id, change, version, changed_at
              FROM change_log
             WHERE commit_seq IS NOT NULL AND (commit_seq, id) > (:commit, :row)
             ORDER BY commit_seq, id
             LIMIT :limit""";

    /**
     * The changes a caller who is not an operator reads. A change of a record the caller may see
     * now is shown as it was; one of a record the caller may not see now (or that is gone) is shown
     * as a removal if the caller could see the record at that change or before (the audience the
     * log keeps), so that an offline copy drops it; and not at all if the caller never could.
     * Cities and partnerships are public.
     */
    private static final String SEEN = """
            SELECT l.commit_seq, l.id, l.resource, l.resource_id, l.version, l.changed_at,
                   CASE WHEN n.visible THEN l.change ELSE 'DELETED' END AS change
              FROM change_log l
             CROSS JOIN LATERAL (SELECT l.resource NOT IN ('visit', 'conference', 'proposal')
                       OR (l.resource = 'visit' AND EXISTS (SELECT 1 FROM visit v WHERE v.id = l.resource_id AND {NOW:v}))
                       OR (l.resource = 'conference'
                           AND EXISTS (SELECT 1 FROM conference c WHERE c.id = l.resource_id AND {NOW:c}))
                       OR (l.resource = 'proposal'
                           AND EXISTS (SELECT 1 FROM proposal p WHERE p.id = l.resource_id AND {NOW:p})) AS visible) n
             WHERE l.commit_seq IS NOT NULL AND (l.commit_seq, l.id) > (:commit, :row)
               AND (n.visible OR EXISTS (SELECT 1 FROM change_log e
                     WHERE e.resource_id = l.resource_id AND e.commit_seq IS NOT NULL
                       AND (e.commit_seq, e.id) <= (l.commit_seq, l.id) AND {THEN:e}))
             ORDER BY l.commit_seq, l.id
             LIMIT :limit""";

    @Inject
    EntityManager em;

    @Inject
    CurrentUser current;

    private record Position(long commit, long row) {

        @Override
        public String toString() {
            return "c1-" + commit + "-" + row;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ChangePageDto after(String since, int limit) {
        if (NOW.equals(since)) {
            return new ChangePageDto().items(List.of()).next(latest().toString()).hasMore(false);
        }
        Position from = since == null ? new Position(0, 0) : parse(since);
        Viewer viewer = current.viewer();
        var query = em.createNativeQuery(viewer.operator() ? ALL : SEEN.replace("{NOW:v}", viewer.namedCondition("v"))
                .replace("{NOW:c}", viewer.namedCondition("c")).replace("{NOW:p}", viewer.namedCondition("p"))
                .replace("{THEN:e}", snapshotCondition(viewer)), Tuple.class)
                .setParameter("commit", from.commit()).setParameter("row", from.row()).setParameter("limit", limit + 1);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = viewer.bind(query).getResultList();
        List<ChangeDto> changes = new ArrayList<>();
        Position last = from;
        for (Tuple row : rows.subList(0, Math.min(rows.size(), limit))) {
            last = new Position(row.get("commit_seq", Number.class).longValue(), row.get("id", Number.class).longValue());
            String resource = row.get("resource", String.class);
            UUID id = row.get("resource_id", UUID.class);
            changes.add(new ChangeDto()
                    .resource(ChangeDto.ResourceEnum.fromValue(resource))
                    .id(id)
                    .change(ChangeDto.ChangeEnum.fromValue(row.get("change", String.class)))
                    .version(row.get("version", Number.class).longValue())
                    .changedAt(instant(row.get("changed_at")))
                    .href(PATHS.get(resource) + id));
        }
        return new ChangePageDto().items(changes).next(last.toString()).hasMore(rows.size() > limit);
    }

    private Position latest() {
        @SuppressWarnings("unchecked")
        List<Tuple> last = em.createNativeQuery("""
                SELECT commit_seq, id FROM change_log WHERE commit_seq IS NOT NULL
                 ORDER BY commit_seq DESC, id DESC LIMIT 1""", Tuple.class).getResultList();
        return last.isEmpty() ? new Position(0, 0)
                : new Position(last.get(0).get("commit_seq", Number.class).longValue(),
                        last.get(0).get("id", Number.class).longValue());
    }

    /** Whether the caller was in the audience a change recorded. */
    private static String snapshotCondition(Viewer viewer) {
        if (viewer.organizations().isEmpty()) {
            return "e.public";
        }
        return "(e.public OR e.audience_org_ids && CAST(:viewer_orgs AS uuid[])"
                + " OR e.audience_city_ids && CAST(:viewer_cities AS uuid[]))";
    }

    private static OffsetDateTime instant(Object value) {
        if (value instanceof OffsetDateTime at) {
            return at.withOffsetSameInstant(ZoneOffset.UTC);
        }
        java.time.Instant at = value instanceof java.sql.Timestamp stamp ? stamp.toInstant() : (java.time.Instant) value;
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Position parse(String since) {
        Matcher m = POSITION.matcher(since);
        if (!m.matches()) {
            throw ProblemException.invalidParameter("since", "is not a position this feed gave, nor now");
        }
        return new Position(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }
}
