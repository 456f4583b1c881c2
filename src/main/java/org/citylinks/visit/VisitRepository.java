package org.citylinks.visit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.citylinks.common.KeysetQuery;
import org.citylinks.common.KeysetQuery.SortField;
import org.citylinks.common.SearchVocabulary;
import org.citylinks.common.TextMatch;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes visits; the list runs as keyset-paged SQL. */
@ApplicationScoped
public class VisitRepository implements PanacheRepositoryBase<Visit, UUID> {

    @Inject
    SearchVocabulary vocabulary;

    private static final Map<String, SortField> SORTS = Map.of(
            "startDate", new SortField("v.start_date", "date"),
            "createdAt", new SortField("v.created_at", "timestamptz"),
            "updatedAt", new SortField("v.updated_at", "timestamptz"));

    record Result(List<Visit> visits, String next) {
    }

    Result search(VisitSearch search, org.citylinks.common.Viewer viewer) {
        KeysetQuery.Page page = TextMatch.page(search.text(), match -> query(search, match, viewer), getEntityManager(),
                vocabulary, search.cursor(), search.limit());
        return new Result(page.load(getEntityManager(), Visit.class), page.next());
    }

    private static KeysetQuery query(VisitSearch search, TextMatch.Match match, org.citylinks.common.Viewer viewer) {
        KeysetQuery query = TextMatch.query("v.id", "visit", "v", match);
        query.where(viewer.condition("v"), viewer.parameters().toArray());
        if (search.text() != null) {
            query.where(TextMatch.condition("v", match));
        }
        if (search.cityId() != null) {
            query.where("v.from_city_id = ? OR v.to_city_id = ?", search.cityId(), search.cityId());
        }
        if (search.fromCityId() != null) {
            query.where("v.from_city_id = ?", search.fromCityId());
        }
        if (search.toCityId() != null) {
            query.where("v.to_city_id = ?", search.toCityId());
        }
        if (search.from() != null) {
            query.where("v.end_date >= ?", search.from());
        }
        if (search.to() != null) {
            query.where("v.start_date <= ?", search.to());
        }
        if (search.mode() != null) {
            query.where("v.mode = ?", search.mode().name());
        }
        if (search.topic() != null) {
            query.where("v.topics @> ARRAY[CAST(? AS text)]", search.topic());
        }
        if (search.sort() == null && search.text() != null) {
            query.orderBy(List.of(TextMatch.relevance("v"), KeysetQuery.SortKey.asc("v.id", "uuid")));
        } else {
            query.orderBy(KeysetQuery.sortKeys(SORTS, search.sort() == null ? "-startDate" : search.sort(), "v.id"));
        }
        return query;
    }
}
