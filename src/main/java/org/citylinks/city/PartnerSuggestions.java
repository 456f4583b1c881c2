package org.citylinks.city;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.citylinks.api.model.CitySummaryDto;
import org.citylinks.api.model.PartnerSuggestionDto;
import org.citylinks.api.model.PartnerSuggestionPageDto;
import org.citylinks.api.model.SuggestionReasonDto;
import org.citylinks.api.model.SuggestionReasonDto.KindEnum;
import org.citylinks.common.KeysetQuery;
import org.citylinks.common.ProblemException;

/**
 * Partner suggestions: the cities a city is not partnered with yet that share a network with it,
 * have partners in common with it or have had contact with it, scored in one statement (the
 * points are in the contract, under listPartnerSuggestions) and paged by score and id.
 */
@ApplicationScoped
public class PartnerSuggestions {

    static final double SHARED_FIELD = 35;
    static final double PER_NETWORK = 10;
    static final double MAX_NETWORKS = 20;
    static final double PER_COMMON_PARTNER = 8;
    static final double MAX_COMMON_PARTNERS = 24;
    static final double PER_VISIT = 10;
    static final double MAX_VISITS = 20;
    static final double PER_CONFERENCE = 5;
    static final double MAX_CONFERENCES = 10;
    static final double POPULATION = 10;

    // Candidates and their evidence, then the score, for the city p.city. Every source is an index look-up
    // from the city, its memberships or its partners, so the work grows with the city's ties, not
    // with the number of cities.
    private static final String SCORED = """
            WITH me AS (SELECT id, population, earth_point FROM city WHERE id = p.city),
            my_memberships AS (SELECT network, field FROM city_membership WHERE city_id = p.city),
            my_partners AS (
                SELECT city_b_id AS id FROM partnership WHERE city_a_id = p.city
                UNION SELECT city_a_id FROM partnership WHERE city_b_id = p.city),
            networks AS (
                SELECT m.city_id AS id,
                       array_agg(DISTINCT m.field) FILTER (WHERE m.network = 'UCCN' AND m.field IN
                           (SELECT field FROM my_memberships WHERE network = 'UCCN')) AS fields,
                       array_agg(DISTINCT m.network) AS networks
                  FROM city_membership m
                 WHERE m.network IN (SELECT network FROM my_memberships)
                 GROUP BY m.city_id),
            common AS (
                SELECT t.id, count(DISTINCT t.via) AS n, (array_agg(DISTINCT t.via))[1:3] AS via
                  FROM (SELECT p.city_b_id AS id, p.city_a_id AS via FROM partnership p JOIN my_partners mp ON p.city_a_id = mp.id
                        UNION ALL
                        SELECT p.city_a_id, p.city_b_id FROM partnership p JOIN my_partners mp ON p.city_b_id = mp.id) t
                 GROUP BY t.id),
            visits AS (
                SELECT CASE WHEN v.from_city_id = p.city THEN v.to_city_id ELSE v.from_city_id END AS id, count(*) AS n
                  FROM visit v WHERE (v.from_city_id = p.city OR v.to_city_id = p.city) AND {VISIBLE_VISIT} GROUP BY 1),
            -- only what the caller may see counts as evidence: a private visit is no reason it may read
            my_conferences AS (
                SELECT c.id FROM conference c
                 WHERE c.id IN (SELECT id FROM conference WHERE host_city_id = p.city
                                UNION SELECT conference_id FROM conference_participant WHERE city_id = p.city)
                   AND {VISIBLE_CONFERENCE}),
            conferences AS (
                SELECT t.id, count(DISTINCT t.conference) AS n
                  FROM (SELECT c.host_city_id AS id, c.id AS conference FROM conference c JOIN my_conferences m ON m.id = c.id
                        UNION ALL
                        SELECT cp.city_id, cp.conference_id FROM conference_participant cp
                          JOIN my_conferences m ON m.id = cp.conference_id) t
                 GROUP BY t.id),
            candidates AS (
                SELECT id FROM networks UNION SELECT id FROM common UNION SELECT id FROM visits
                UNION SELECT id FROM conferences
                EXCEPT SELECT id FROM my_partners),
            scored AS (
                SELECT c.id, c.name, c.country_code, c.population,
                       CASE WHEN c.earth_point IS NOT NULL AND me.earth_point IS NOT NULL
                            THEN sec_to_gc(cube_distance(c.earth_point, me.earth_point)) / 1000.0 END AS distance_km,
                       n.fields, n.networks, cm.n AS common_count, cm.via, v.n AS visit_count, cf.n AS conference_count,
                       CASE WHEN c.population > 0 AND me.population > 0
                            THEN greatest(0, 1 - abs(log(c.population::float8) - log(me.population::float8))) * %5$s
                            ELSE 0 END AS population_raw,
                       me.population AS my_population
                  FROM city c
                  CROSS JOIN me
                  LEFT JOIN networks n ON n.id = c.id
                  LEFT JOIN common cm ON cm.id = c.id
                  LEFT JOIN visits v ON v.id = c.id
                  LEFT JOIN conferences cf ON cf.id = c.id
                 -- by primary key: joined to the candidates, the planner scanned every city instead
                 WHERE c.id = ANY (ARRAY(SELECT id FROM candidates)) AND c.id <> p.city),
            -- Each reason's points, rounded as the answer shows them, computed here only: the
            -- score that orders and pages the suggestions is their sum, and the reasons show them.
            points AS (
                SELECT scored.*,
                       round((CASE WHEN cardinality(fields) > 0 THEN %1$s ELSE 0 END)::numeric, 1) AS field_points,
                       round(least(%2$s * coalesce(cardinality(networks) - CASE WHEN cardinality(fields) > 0 THEN 1 ELSE 0 END, 0), %3$s)::numeric, 1) AS network_points,
                       round(least(%4$s * coalesce(common_count, 0), %6$s)::numeric, 1) AS common_points,
                       round(least(%7$s * coalesce(visit_count, 0), %8$s)::numeric, 1) AS visit_points,
                       round(least(%9$s * coalesce(conference_count, 0), %10$s)::numeric, 1) AS conference_points,
                       round(population_raw::numeric, 1) AS population_points
                  FROM scored)
            SELECT *, field_points + network_points + common_points + visit_points + conference_points
                      + population_points AS score
              FROM points
            """.formatted(SHARED_FIELD, PER_NETWORK, MAX_NETWORKS, PER_COMMON_PARTNER, POPULATION,
            MAX_COMMON_PARTNERS, PER_VISIT, MAX_VISITS, PER_CONFERENCE, MAX_CONFERENCES);

    @Inject
    EntityManager em;

    @Inject
    CityDirectory directory;

    @Inject
    org.citylinks.common.CurrentUser current;

    /** What a client asked for; null filters are not applied. */
    public record Filter(String countryCode, CreativeField field, Double maxDistanceKm, int limit, String cursor) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnerSuggestionPageDto suggest(UUID cityId, Filter filter) {
        directory.requireCity(cityId);
        // The statement is evaluated once, for the one city of p; the filters apply to its scored rows.
        org.citylinks.common.Viewer viewer = current.viewer();
        List<Object> parameters = new java.util.ArrayList<>();
        parameters.add(cityId);
        parameters.addAll(viewer.parameters());
        parameters.addAll(viewer.parameters());
        KeysetQuery query = new KeysetQuery("s.*", "(SELECT CAST(? AS uuid) AS city) p CROSS JOIN LATERAL ("
                + SCORED.replace("{VISIBLE_VISIT}", viewer.condition("v"))
                        .replace("{VISIBLE_CONFERENCE}", viewer.condition("c")) + ") s", parameters.toArray());
        if (filter.countryCode() != null) {
            query.where("s.country_code = ?", filter.countryCode());
        }
        if (filter.field() != null) {
            query.where("EXISTS (SELECT 1 FROM city_membership f WHERE f.city_id = s.id AND f.network = 'UCCN'"
                    + " AND f.field = ?)", filter.field().name());
        }
        if (filter.maxDistanceKm() != null) {
            if (!hasLocation(cityId)) {
                throw ProblemException.invalidParameter("maxDistanceKm", "needs a city with a location");
            }
            query.where("s.distance_km <= ?", filter.maxDistanceKm());
        }
        query.orderBy(List.of(KeysetQuery.SortKey.desc("s.score", "numeric"), KeysetQuery.SortKey.asc("s.id", "uuid")));
        KeysetQuery.Page page = query.run(em, filter.cursor(), filter.limit());
        Set<UUID> mentioned = new HashSet<>();
        for (KeysetQuery.Row row : page.rows()) {
            if (row.get("via") != null) {
                mentioned.addAll(Arrays.asList((UUID[]) row.get("via")));
            }
        }
        Map<UUID, CitySummary> names = directory.summaries(mentioned);
        List<PartnerSuggestionDto> items = page.rows().stream().map(row -> suggestion(row, names)).toList();
        return new PartnerSuggestionPageDto().items(items).next(page.next());
    }

    private boolean hasLocation(UUID cityId) {
        return !em.createNativeQuery("SELECT 1 FROM city WHERE id = ?1 AND earth_point IS NOT NULL")
                .setParameter(1, cityId).getResultList().isEmpty();
    }

    private static PartnerSuggestionDto suggestion(KeysetQuery.Row row, Map<UUID, CitySummary> names) {
        List<SuggestionReasonDto> reasons = new ArrayList<>();
        String[] fields = (String[]) row.get("fields");
        String[] networks = (String[]) row.get("networks");
        boolean sharedField = fields != null && fields.length > 0;
        if (sharedField) {
            reasons.add(reason(KindEnum.SHARED_CREATIVE_FIELD, points(row, "field_points"), "Both are UNESCO Creative"
                    + " Cities of " + String.join(" and ", Arrays.stream(fields).map(PartnerSuggestions::fieldName).toList())
                    + "."));
        }
        List<String> otherNetworks = networks == null ? List.of()
                : Arrays.stream(networks).filter(n -> !(sharedField && n.equals("UCCN"))).sorted().toList();
        if (!otherNetworks.isEmpty()) {
            reasons.add(reason(KindEnum.SHARED_NETWORK, points(row, "network_points"),
                    "Both belong to " + String.join(" and ", otherNetworks) + "."));
        }
        long common = count(row, "common_count");
        if (common > 0) {
            List<CitySummaryDto> via = Arrays.stream((UUID[]) row.get("via")).map(names::get)
                    .filter(java.util.Objects::nonNull).sorted(Comparator.comparing(CitySummary::name))
                    .map(CitySummary::toDto).toList();
            reasons.add(reason(KindEnum.PARTNERS_IN_COMMON, points(row, "common_points"),
                    common + (common == 1 ? " partner" : " partners") + " in common.").cities(via));
        }
        long visits = count(row, "visit_count");
        if (visits > 0) {
            reasons.add(reason(KindEnum.PAST_VISITS, points(row, "visit_points"),
                    visits + (visits == 1 ? " visit" : " visits") + " between them."));
        }
        long conferences = count(row, "conference_count");
        if (conferences > 0) {
            reasons.add(reason(KindEnum.SHARED_CONFERENCES, points(row, "conference_points"),
                    conferences + (conferences == 1 ? " conference" : " conferences") + " both took part in."));
        }
        double populationPoints = points(row, "population_points");
        if (populationPoints > 0) {
            NumberFormat people = NumberFormat.getIntegerInstance(Locale.ENGLISH);
            reasons.add(reason(KindEnum.SIMILAR_POPULATION, populationPoints, "Populations of "
                    + people.format(count(row, "my_population")) + " and " + people.format(count(row, "population")) + "."));
        }
        reasons.sort(Comparator.comparing(SuggestionReasonDto::getPoints).reversed());
        Number distance = (Number) row.get("distance_km");
        return new PartnerSuggestionDto()
                .city(new CitySummaryDto((UUID) row.get("id"), (String) row.get("name"), (String) row.get("country_code")))
                .score(points(row, "score"))
                .distanceKm(distance == null ? null : Math.round(distance.doubleValue() * 10) / 10.0)
                .reasons(reasons);
    }

    private static double points(KeysetQuery.Row row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    private static long count(KeysetQuery.Row row, String column) {
        Number value = (Number) row.get(column);
        return value == null ? 0 : value.longValue();
    }

    private static SuggestionReasonDto reason(KindEnum kind, double points, String detail) {
        return new SuggestionReasonDto().kind(kind).points(points).detail(detail).cities(null);
    }

    private static String fieldName(String field) {
        String words = field.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
