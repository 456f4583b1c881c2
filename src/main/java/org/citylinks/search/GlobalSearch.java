package org.citylinks.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.citylinks.api.model.SearchHitDto;
import org.citylinks.api.model.SearchPageDto;
import org.citylinks.common.KeysetQuery;
import org.citylinks.common.TextMatch;

/**
 * One ranked search over every kind of resource. Each kind matches as its own list's {@code q}
 * does ({@link TextMatch}): words that start words of the text (the 'simple' configuration, no
 * stemming, so Indonesian and English both match as written), else, when no resource of any kind
 * matches that way, near spellings by trigram word similarity; both over normalised text (no case,
 * no accents). Each branch is served by its table's GIN indexes; the union is ranked and
 * keyset-paged like any list.
 */
@ApplicationScoped
public class GlobalSearch {

    private static final String HITS_TEMPLATE = """
            (SELECT 'CITY' AS kind, c.id, c.name AS title,
                    c.name || ', ' || coalesce(c.region || ', ', '') || c.country_code AS snippet,
                    CAST(coalesce(ts_rank(c.search_vector, p.query), 0) + word_similarity(p.text, c.search_name)
                         AS double precision) AS score
               FROM city c WHERE {c}
             UNION ALL
             SELECT 'VISIT', v.id, v.title, left(coalesce(v.purpose, v.summary, v.title), 200),
                    CAST(coalesce(ts_rank(v.search_vector, p.query), 0) + word_similarity(p.text, v.search_text)
                         AS double precision)
               FROM visit v WHERE {v}
             UNION ALL
             SELECT 'CONFERENCE', co.id, co.name, left(coalesce(co.description, co.organizer, co.name), 200),
                    CAST(coalesce(ts_rank(co.search_vector, p.query), 0) + word_similarity(p.text, co.search_text)
                         AS double precision)
               FROM conference co WHERE {co}
             UNION ALL
             SELECT 'PROPOSAL', pr.id, pr.title,
                    left(coalesce(pr.summary, nullif(pr.programme_text, ''), pr.title), 200),
                    CAST(coalesce(ts_rank(pr.search_vector, p.query), 0) + word_similarity(p.text, pr.search_text)
                         AS double precision)
               FROM proposal pr WHERE {pr}
             UNION ALL
             SELECT 'PARTNERSHIP', pa.id, replace(pa.city_names, ' ', ' – '),
                    left(coalesce(pa.description, initcap(replace(pa.relationship_type, '_', ' '))), 200),
                    CAST(coalesce(ts_rank(pa.search_vector, p.query), 0) + word_similarity(p.text, pa.search_text)
                         AS double precision)
               FROM partnership pa WHERE {pa}) t
            """;

    /** The union for each mode: {@code {alias}} in the template becomes that table's condition. */
    private static final Map<TextMatch.Mode, String> HITS = Map.of(
            TextMatch.Mode.WORDS, hits(TextMatch.Mode.WORDS), TextMatch.Mode.SIMILAR, hits(TextMatch.Mode.SIMILAR));

    private static String hits(TextMatch.Mode mode) {
        String sql = HITS_TEMPLATE;
        for (String alias : List.of("pa", "pr", "co", "c", "v")) {
            String condition = TextMatch.condition(alias, mode);
            // the city's near-spelling text is its name alone
            sql = sql.replace("{" + alias + "}", alias.equals("c") ? condition.replace("c.search_text", "c.search_name")
                    : condition);
        }
        return sql;
    }

    private static final Map<String, String> PATHS = Map.of(
            "CITY", "/v1/cities/", "VISIT", "/v1/visits/", "CONFERENCE", "/v1/conferences/",
            "PROPOSAL", "/v1/proposals/", "PARTNERSHIP", "/v1/partnerships/");

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.SUPPORTS)
    public SearchPageDto search(String text, SearchHitDto.TypeEnum type, int limit, String cursor) {
        KeysetQuery.Page page = TextMatch.page(text, match -> query(text, type, match), entityManager, cursor, limit);
        List<SearchHitDto> hits = new ArrayList<>();
        for (KeysetQuery.Row row : page.rows()) {
            String kind = row.text("kind");
            hits.add(new SearchHitDto()
                    .type(SearchHitDto.TypeEnum.fromValue(kind))
                    .id(row.uuid("id"))
                    .title(row.text("title"))
                    .snippet(row.text("snippet"))
                    .href(PATHS.get(kind) + row.uuid("id"))
                    .score(Math.round(row.decimal("score") * 10000) / 10000.0));
        }
        return new SearchPageDto().items(hits).next(page.next());
    }

    private static KeysetQuery query(String text, SearchHitDto.TypeEnum type, TextMatch.Mode match) {
        KeysetQuery query = new KeysetQuery("t.kind, t.id, t.title, t.snippet, t.score",
                "(SELECT citylinks_normalize(CAST(? AS text)) AS text, citylinks_query(CAST(? AS text)) AS query) p"
                        + " CROSS JOIN LATERAL " + HITS.get(match),
                text, text);
        if (type != null) {
            query.where("t.kind = ?", type.value());
        }
        return query.orderBy(List.of(KeysetQuery.SortKey.desc("t.score", "double precision"),
                KeysetQuery.SortKey.asc("t.kind", "text"), KeysetQuery.SortKey.asc("t.id", "uuid")));
    }
}
