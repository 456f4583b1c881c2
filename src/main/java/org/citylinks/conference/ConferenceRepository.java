package org.citylinks.conference;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.citylinks.common.KeysetQuery;
import org.citylinks.common.KeysetQuery.SortField;
import org.citylinks.common.SearchVocabulary;
import org.citylinks.common.TextMatch;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes conferences; the list runs as keyset-paged SQL. */
@ApplicationScoped
public class ConferenceRepository implements PanacheRepositoryBase<Conference, UUID> {

    @Inject
    SearchVocabulary vocabulary;

    private static final Map<String, SortField> SORTS = Map.of(
            "startDate", new SortField("c.start_date", "date"),
            "createdAt", new SortField("c.created_at", "timestamptz"),
            "updatedAt", new SortField("c.updated_at", "timestamptz"));

    record Result(List<Conference> conferences, String next) {
    }

    Result search(ConferenceSearch search, org.citylinks.common.Viewer viewer) {
        KeysetQuery.Page page = TextMatch.page(search.text(), match -> query(search, match, viewer), getEntityManager(),
                vocabulary, search.cursor(), search.limit());
        return new Result(page.load(getEntityManager(), Conference.class), page.next());
    }

    private static KeysetQuery query(ConferenceSearch search, TextMatch.Match match, org.citylinks.common.Viewer viewer) {
        KeysetQuery query = TextMatch.query("c.id", "conference", "c", match);
        query.where(viewer.condition("c"), viewer.parameters().toArray());
        if (search.text() != null) {
            query.where(TextMatch.condition("c", match));
        }
        if (search.hostCityId() != null) {
            query.where("c.host_city_id = ?", search.hostCityId());
        }
        if (search.participantCityId() != null) {
            query.where("EXISTS (SELECT 1 FROM conference_participant cp WHERE cp.conference_id = c.id"
                    + " AND cp.city_id = ?)", search.participantCityId());
        }
        if (search.from() != null) {
            query.where("c.end_date >= ?", search.from());
        }
        if (search.to() != null) {
            query.where("c.start_date <= ?", search.to());
        }
        if (search.topic() != null) {
            query.where("c.topics @> ARRAY[CAST(? AS text)]", search.topic());
        }
        if (search.network() != null) {
            query.where("c.network = ?", search.network().name());
        }
        if (search.sort() == null && search.text() != null) {
            query.orderBy(List.of(TextMatch.relevance("c"), KeysetQuery.SortKey.asc("c.id", "uuid")));
        } else {
            query.orderBy(KeysetQuery.sortKeys(SORTS, search.sort() == null ? "-startDate" : search.sort(), "c.id"));
        }
        return query;
    }

    Optional<Conference> findWithParticipants(UUID id) {
        return find("SELECT c FROM Conference c LEFT JOIN FETCH c.participants WHERE c.id = ?1", id)
                .singleResultOptional();
    }
}
