package org.citylinks.city;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.citylinks.common.KeysetQuery;
import org.citylinks.common.TextMatch;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes cities; the search runs as plain SQL so that every clause can use its index. */
@ApplicationScoped
public class CityRepository implements PanacheRepositoryBase<City, UUID> {

    /** One page of a search: the cities in order, their distances for a {@code near} search, and the next cursor. */
    public record SearchPage(List<City> cities, Map<UUID, Double> distancesKm, String next) {
    }

    public SearchPage search(CitySearch search) {
        KeysetQuery.Page page = TextMatch.page(search.text(), match -> CitySearchQuery.of(search, match),
                getEntityManager(), search.cursor(), search.limit());
        List<City> cities = new ArrayList<>();
        Map<UUID, Double> distances = new HashMap<>();
        for (Object[] row : page.rows()) {
            City city = fromRow(row);
            cities.add(city);
            if (row[1] instanceof Number distance) {
                distances.put(city.id, distance.doubleValue());
            }
        }
        return new SearchPage(cities, distances, page.next());
    }

    /**
     * A detached city built from a row of {@link CitySearchQuery#COLUMNS}: a list page is read in one
     * statement, without loading entities into the persistence context.
     */
    private static City fromRow(Object[] row) {
        City city = new City();
        city.id = (UUID) row[0];
        city.name = (String) row[2];
        city.asciiName = (String) row[3];
        city.countryCode = (String) row[4];
        city.region = (String) row[5];
        city.lat = (Double) row[6];
        city.lon = (Double) row[7];
        city.population = row[8] == null ? null : ((Number) row[8]).longValue();
        city.geonamesId = (String) row[9];
        city.wikidataId = (String) row[10];
        city.simplemapsId = (String) row[11];
        city.version = ((Number) row[12]).longValue();
        city.createdAt = ((java.sql.Timestamp) row[13]).toInstant();
        city.updatedAt = ((java.sql.Timestamp) row[14]).toInstant();
        city.createdBy = (String) row[15];
        city.updatedBy = (String) row[16];
        if (row[17] instanceof String memberships) {
            for (String membership : memberships.split(",")) {
                String[] parts = membership.split(":", -1);
                city.memberships.add(new Membership(Network.valueOf(parts[0]),
                        parts[1].isEmpty() ? null : CreativeField.valueOf(parts[1]),
                        parts[2].isEmpty() ? null : Integer.valueOf(parts[2])));
            }
        }
        return city;
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
