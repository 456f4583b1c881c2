package org.citylinks.city;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.citylinks.common.KeysetQuery;
import org.citylinks.common.SearchVocabulary;
import org.citylinks.common.TextMatch;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes cities; the search runs as plain SQL so that every clause can use its index. */
@ApplicationScoped
public class CityRepository implements PanacheRepositoryBase<City, UUID> {

    @Inject
    SearchVocabulary vocabulary;

    /** One page of a search: the cities in order, their distances for a {@code near} search, and the next cursor. */
    public record SearchPage(List<City> cities, Map<UUID, Double> distancesKm, String next) {
    }

    public SearchPage search(CitySearch search) {
        KeysetQuery.Page page = TextMatch.page(search.text(), match -> CitySearchQuery.of(search, match),
                getEntityManager(), vocabulary, search.cursor(), search.limit());
        List<City> cities = new ArrayList<>();
        Map<UUID, Double> distances = new HashMap<>();
        for (KeysetQuery.Row row : page.rows()) {
            City city = fromRow(row);
            cities.add(city);
            if (row.decimal("distance_km") != null) {
                distances.put(city.id, row.decimal("distance_km"));
            }
        }
        return new SearchPage(cities, distances, page.next());
    }

    /**
     * A detached city built from a row of {@link CitySearchQuery#COLUMNS}: a list page is read in one
     * statement, without loading entities into the persistence context.
     */
    private static City fromRow(KeysetQuery.Row row) {
        City city = new City();
        city.id = row.uuid("id");
        city.name = row.text("name");
        city.asciiName = row.text("ascii_name");
        city.countryCode = row.text("country_code");
        city.region = row.text("region");
        city.lat = row.decimal("lat");
        city.lon = row.decimal("lon");
        city.population = row.number("population");
        city.geonamesId = row.text("geonames_id");
        city.wikidataId = row.text("wikidata_id");
        city.simplemapsId = row.text("simplemaps_id");
        city.version = row.number("version");
        city.createdAt = row.instant("created_at");
        city.updatedAt = row.instant("updated_at");
        city.createdBy = row.text("created_by");
        city.updatedBy = row.text("updated_by");
        city.alternateNames = row.text("alternate_names");
        if (row.text("memberships") != null) {
            for (String membership : row.text("memberships").split(",")) {
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

    /** The external ids a city may hold, each unique among cities, with the entity property that holds it. */
    enum ExternalId {
        GEONAMES("geonamesId", "/externalIds/geonames"),
        WIKIDATA("wikidataId", "/externalIds/wikidata"),
        SIMPLEMAPS("simplemapsId", "/externalIds/simplemaps");

        private final String property;
        final String pointer;

        ExternalId(String property, String pointer) {
            this.property = property;
            this.pointer = pointer;
        }
    }

    /** The city other than {@code exceptId} that already holds this external id, if any. */
    Optional<City> findByExternalId(ExternalId id, String value, UUID exceptId) {
        return find(id.property + " = ?1 AND id <> ?2", value, exceptId == null ? new UUID(0, 0) : exceptId)
                .firstResultOptional();
    }
}
