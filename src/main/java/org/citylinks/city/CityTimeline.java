package org.citylinks.city;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.citylinks.api.model.CitySummaryDto;
import org.citylinks.api.model.TimelineEntryDto;
import org.citylinks.api.model.TimelineEntryTypeDto;
import org.citylinks.api.model.TimelinePageDto;
import org.citylinks.common.KeysetQuery;

/**
 * A city's timeline: one SQL union over the visits it sent or hosted, the conferences it hosted or
 * took part in, the moves of the proposals it made or received, its memberships and its
 * partnerships (those with a known start), in date order and keyset-paged like every list.
 */
@ApplicationScoped
public class CityTimeline {

    /**
     * Each entry: kind, day, title, the resource's id, the other city's id, and a unique key for ties;
     * the placeholders take the caller's conditions on visits, conferences and proposals.
     */
    private static final String ENTRIES = """
            (SELECT 'VISIT' AS kind, v.start_date AS day, v.title AS title, v.id AS resource_id,
                    CASE WHEN v.from_city_id = p.city THEN v.to_city_id ELSE v.from_city_id END AS other_id,
                    'v' || v.id AS entry_key
               FROM visit v WHERE (v.from_city_id = p.city OR v.to_city_id = p.city) AND %1$s
             UNION ALL
             SELECT 'CONFERENCE', c.start_date, c.name, c.id,
                    CASE WHEN c.host_city_id = p.city THEN NULL ELSE c.host_city_id END, 'c' || c.id
               FROM conference c
              -- a union of ids, each side from its own index; "host OR EXISTS" reads every conference
              WHERE c.id IN (SELECT h.id FROM conference h WHERE h.host_city_id = p.city
                             UNION SELECT cp.conference_id FROM conference_participant cp WHERE cp.city_id = p.city)
                AND %2$s
             UNION ALL
             SELECT 'PROPOSAL_EVENT', e.happened_on,
                    pr.title || ': ' || CASE WHEN e.from_status IS NULL THEN 'drafted'
                                             ELSE e.from_status || ' → ' || e.to_status END,
                    pr.id, CASE WHEN pr.proposer_city_id = p.city THEN pr.partner_city_id ELSE pr.proposer_city_id END,
                    'e' || lpad(CAST(e.id AS text), 19, '0')
               FROM proposal_event e JOIN proposal pr ON pr.id = e.proposal_id
              WHERE (pr.proposer_city_id = p.city OR pr.partner_city_id = p.city) AND %3$s
             UNION ALL
             SELECT 'MEMBERSHIP', make_date(m.since, 1, 1),
                    'Joined ' || m.network || coalesce(' (' || m.field || ')', ''), m.city_id, NULL,
                    'm' || m.network || coalesce(m.field, '')
               FROM city_membership m WHERE m.city_id = p.city AND m.since IS NOT NULL
             UNION ALL
             SELECT 'PARTNERSHIP',
                    CASE WHEN length(pa.since) = 4 THEN make_date(CAST(pa.since AS integer), 1, 1)
                         ELSE CAST(pa.since AS date) END,
                    initcap(replace(pa.relationship_type, '_', ' ')) || ' partnership', pa.id,
                    CASE WHEN pa.city_a_id = p.city THEN pa.city_b_id ELSE pa.city_a_id END, 'p' || pa.id
               FROM partnership pa WHERE (pa.city_a_id = p.city OR pa.city_b_id = p.city) AND pa.since IS NOT NULL) t
            """;

    private static final Map<TimelineEntryTypeDto, String> PATHS = Map.of(
            TimelineEntryTypeDto.VISIT, "/v1/visits/",
            TimelineEntryTypeDto.CONFERENCE, "/v1/conferences/",
            TimelineEntryTypeDto.PROPOSAL_EVENT, "/v1/proposals/",
            TimelineEntryTypeDto.MEMBERSHIP, "/v1/cities/",
            TimelineEntryTypeDto.PARTNERSHIP, "/v1/partnerships/");

    @Inject
    EntityManager entityManager;

    @Inject
    CityDirectory directory;

    @Inject
    org.citylinks.common.CurrentUser current;

    @Transactional(Transactional.TxType.SUPPORTS)
    public TimelinePageDto of(UUID cityId, LocalDate from, LocalDate to, TimelineEntryTypeDto type, boolean newestFirst,
            int limit, String cursor) {
        directory.requireCity(cityId);
        org.citylinks.common.Viewer viewer = current.viewer();
        List<Object> parameters = new ArrayList<>();
        parameters.add(cityId);
        for (int i = 0; i < 3; i++) {
            parameters.addAll(viewer.parameters());
        }
        KeysetQuery query = new KeysetQuery("t.kind, t.day, t.title, t.resource_id, t.other_id, o.name AS other_name,"
                + " o.country_code AS other_country_code", "(SELECT CAST(? AS uuid) AS city) p CROSS JOIN LATERAL "
                        + ENTRIES.formatted(viewer.condition("v"), viewer.condition("c"), viewer.condition("pr"))
                        + " LEFT JOIN city o ON o.id = t.other_id",
                parameters.toArray());
        if (from != null) {
            query.where("t.day >= ?", from);
        }
        if (to != null) {
            query.where("t.day <= ?", to);
        }
        if (type != null) {
            query.where("t.kind = ?", type.name());
        }
        query.orderBy(List.of(new KeysetQuery.SortKey("t.day", newestFirst, "date"),
                new KeysetQuery.SortKey("t.entry_key", newestFirst, "text")));
        KeysetQuery.Page page = query.run(entityManager, cursor, limit);
        List<TimelineEntryDto> entries = new ArrayList<>();
        for (KeysetQuery.Row row : page.rows()) {
            TimelineEntryTypeDto kind = TimelineEntryTypeDto.valueOf(row.text("kind"));
            TimelineEntryDto entry = new TimelineEntryDto()
                    .type(kind)
                    .date(row.date("day"))
                    .title(row.text("title"))
                    .resourceId(row.uuid("resource_id"))
                    .href(PATHS.get(kind) + row.uuid("resource_id"));
            if (row.uuid("other_id") != null) {
                entry.setOtherCity(new CitySummaryDto(row.uuid("other_id"), row.text("other_name"),
                        row.text("other_country_code")));
            }
            entries.add(entry);
        }
        return new TimelinePageDto().items(entries).next(page.next());
    }
}
