package org.citylinks.city;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.citylinks.common.Cursor;
import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes cities; the search runs as plain SQL so that every clause can use its index. */
@ApplicationScoped
public class CityRepository implements PanacheRepositoryBase<City, UUID> {

    /** One page of a search: the cities in order, their distances for a {@code near} search, and the next cursor. */
    public record SearchPage(List<City> cities, Map<UUID, Double> distancesKm, String next) {
    }

    public SearchPage search(CitySearch search) {
        CitySearchQuery query = new CitySearchQuery(search);
        List<Object[]> rows = getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query.sql)) {
                for (int i = 0; i < query.parameters.size(); i++) {
                    statement.setObject(i + 1, query.parameters.get(i));
                }
                List<Object[]> result = new ArrayList<>();
                int columns = query.order.keys().size() + 2; // id, the sort keys, the distance
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = new Object[columns];
                        for (int c = 0; c < columns; c++) {
                            row[c] = rs.getObject(c + 1);
                        }
                        result.add(row);
                    }
                }
                return result;
            }
        });

        boolean more = rows.size() > search.limit();
        List<Object[]> page = more ? rows.subList(0, search.limit()) : rows;
        List<UUID> ids = page.stream().map(row -> (UUID) row[0]).toList();
        Map<UUID, City> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            for (City city : find("SELECT c FROM City c LEFT JOIN FETCH c.memberships WHERE c.id IN ?1", ids).list()) {
                byId.put(city.id, city);
            }
        }
        List<City> cities = new ArrayList<>();
        Map<UUID, Double> distances = new HashMap<>();
        int keyCount = query.order.keys().size();
        for (Object[] row : page) {
            UUID id = (UUID) row[0];
            City city = byId.get(id);
            if (city != null) { // deleted between the two reads
                cities.add(city);
            }
            if (row[keyCount + 1] instanceof Number distance) {
                distances.put(id, distance.doubleValue());
            }
        }
        String next = null;
        if (more) {
            Object[] last = page.get(page.size() - 1);
            List<String> keys = new ArrayList<>();
            for (int k = 1; k <= keyCount; k++) {
                keys.add((String) last[k]);
            }
            keys.add(last[0].toString());
            next = new Cursor(query.fingerprint, keys).encode();
        }
        return new SearchPage(cities, distances, next);
    }

    public Optional<City> findWithMemberships(UUID id) {
        return find("SELECT c FROM City c LEFT JOIN FETCH c.memberships WHERE c.id = ?1", id).firstResultOptional();
    }

    /** The city other than {@code exceptId} that already holds this external id, if any. */
    public Optional<City> findByExternalId(String column, String value, UUID exceptId) {
        return find(column + " = ?1 AND id <> ?2", value, exceptId == null ? new UUID(0, 0) : exceptId)
                .firstResultOptional();
    }
}
