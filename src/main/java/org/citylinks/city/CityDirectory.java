package org.citylinks.city;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.citylinks.common.Problem;
import org.citylinks.common.ProblemException;
import org.hibernate.Session;

/**
 * What the other features need to know of cities: whether the ids a request names exist, the
 * short form embedded in their representations, and what still refers to a city.
 */
@ApplicationScoped
public class CityDirectory {

    @Inject
    EntityManager entityManager;

    /**
     * The plain ASCII form of a city name, as cities are matched by name in imports: transliterated
     * ({@link AsciiNames}), or the name itself when it has nothing to transliterate.
     */
    public static String asciiForm(String name) {
        return AsciiNames.of(name).orElse(name);
    }

    /** The summaries of the cities with these ids that exist, by id. */
    public Map<UUID, CitySummary> summaries(Collection<UUID> ids) {
        Map<UUID, CitySummary> summaries = new HashMap<>();
        List<UUID> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return summaries;
        }
        // Plain SQL with one array parameter: every list page asks this, and an HQL IN list of
        // varying length is translated afresh each time. Names and countries of cities are never
        // changed earlier in the same transaction as a summary is read, so nothing needs flushing.
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, name, country_code FROM city WHERE id = ANY (?)")) {
                statement.setArray(1, connection.createArrayOf("uuid", wanted.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        summaries.put(id, new CitySummary(id, rows.getString(2), rows.getString(3)));
                    }
                }
            }
            return summaries;
        });
    }

    /** A 404 unless there is a city with this id. */
    public void requireCity(UUID id) {
        if (summaries(List.of(id)).isEmpty()) {
            throw ProblemException.notFound("city", id);
        }
    }

    /**
     * An error for each of the named city ids that is not a city; {@code idsByPointer} maps the
     * pointer of each id in the request body to the id.
     */
    public List<Problem.FieldError> unknown(Map<String, UUID> idsByPointer) {
        Map<UUID, CitySummary> known = summaries(idsByPointer.values());
        List<Problem.FieldError> errors = new ArrayList<>();
        idsByPointer.forEach((pointer, id) -> {
            if (id != null && !known.containsKey(id)) {
                errors.add(Problem.FieldError.atPointer(pointer, "is not the id of a city"));
            }
        });
        return errors;
    }

    /** How many resources of each kind refer to the city; kinds with none are left out. */
    public Map<String, Long> references(UUID cityId) {
        Object[] counts = (Object[]) entityManager.createNativeQuery("""
                SELECT (SELECT count(*) FROM visit WHERE from_city_id = :id OR to_city_id = :id),
                       (SELECT count(*) FROM conference c WHERE c.host_city_id = :id
                           OR EXISTS (SELECT 1 FROM conference_participant p WHERE p.conference_id = c.id AND p.city_id = :id)),
                       (SELECT count(*) FROM proposal WHERE proposer_city_id = :id OR partner_city_id = :id),
                       (SELECT count(*) FROM partnership WHERE city_a_id = :id OR city_b_id = :id)
                """).setParameter("id", cityId).getSingleResult();
        Map<String, Long> references = new LinkedHashMap<>();
        String[] kinds = { "visits", "conferences", "proposals", "partnerships" };
        for (int i = 0; i < kinds.length; i++) {
            long count = ((Number) counts[i]).longValue();
            if (count > 0) {
                references.put(kinds[i], count);
            }
        }
        return references;
    }
}
