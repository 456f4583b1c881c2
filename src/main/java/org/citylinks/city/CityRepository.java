package org.citylinks.city;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.citylinks.common.KeysetQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes cities; the search runs as plain SQL so that every clause can use its index. */
@ApplicationScoped
public class CityRepository implements PanacheRepositoryBase<City, UUID> {

    /** One page of a search: the cities in order, their distances for a {@code near} search, and the next cursor. */
    public record SearchPage(List<City> cities, Map<UUID, Double> distancesKm, String next) {
    }

    public SearchPage search(CitySearch search) {
        KeysetQuery query = CitySearchQuery.of(search);
        KeysetQuery.Page page = query.run(getEntityManager(), search.cursor(), search.limit());
        List<UUID> ids = page.rows().stream().map(row -> (UUID) row[0]).toList();
        Map<UUID, City> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            for (City city : find("SELECT c FROM City c LEFT JOIN FETCH c.memberships WHERE c.id IN ?1", ids).list()) {
                byId.put(city.id, city);
            }
        }
        List<City> cities = new ArrayList<>();
        Map<UUID, Double> distances = new HashMap<>();
        for (Object[] row : page.rows()) {
            City city = byId.get((UUID) row[0]);
            if (city != null) { // deleted between the two reads
                cities.add(city);
            }
            if (row[1] instanceof Number distance) {
                distances.put((UUID) row[0], distance.doubleValue());
            }
        }
        return new SearchPage(cities, distances, page.next());
    }

    public Optional<City> findWithMemberships(UUID id) {
        return find("SELECT c FROM City c LEFT JOIN FETCH c.memberships WHERE c.id = ?1", id).singleResultOptional();
    }

    /** The city other than {@code exceptId} that already holds this external id, if any. */
    public Optional<City> findByExternalId(String column, String value, UUID exceptId) {
        return find(column + " = ?1 AND id <> ?2", value, exceptId == null ? new UUID(0, 0) : exceptId)
                .firstResultOptional();
    }
}
