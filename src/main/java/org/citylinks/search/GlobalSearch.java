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
import org.citylinks.common.SearchVocabulary;
import org.citylinks.common.TextMatch;

/**
 * One ranked search over every kind of resource. Each kind matches as its own list's {@code q}
 * does ({@link TextMatch}): words that start words of the text or are one typo from them (the
 * 'simple' configuration, no stemming, so Indonesian and English both match as written), those
 * that need no typo forgiven first, else, when no resource of any kind
 * matches that way, near spellings by trigram word similarity; both over normalised text (no case,
 * no accents). Each branch is served by its table's GIN indexes; the union is ranked and
 * keyset-paged like any list.
 */
@ApplicationScoped
public class GlobalSearch {

    /**
     * One kind of resource in the union: its table, the title and snippet a hit shows, and the text
     * its near spellings are matched against (a city's is its name alone).
     */
    private record Branch(String kind, String table, String alias, String title, String snippet, String similarText,
            boolean private_, String exactBonus) {

        /** The branch's query; {@code {VISIBLE:alias}} is where the caller's condition goes, for tables with private rows. */
        String sql(TextMatch.Mode mode) {
            return "SELECT '" + kind + "' AS kind, " + alias + ".id, " + title + " AS title, " + snippet + " AS snippet,"
                    + " " + TextMatch.score(alias, similarText) + " + " + exactBonus + " AS score FROM " + table + " " + alias
                    + " WHERE " + TextMatch.condition(alias, mode, similarText)
                    + (private_ ? " AND {VISIBLE:" + alias + "}" : "");
        }
    }

    private static final List<Branch> BRANCHES = List.of(
            new Branch("CITY", "city", "c", "c.name",
                    "c.name || ', ' || coalesce(c.region || ', ', '') || c.country_code", "c.search_name", false,
                    // a city one of whose names is the text typed comes first, as in the city list
                    "CASE WHEN p.text = ANY (c.match_names) THEN 1 ELSE 0 END"),
            new Branch("VISIT", "visit", "v", "v.title", "left(coalesce(v.purpose, v.summary, v.title), 200)",
                    "v.search_text", true, "0"),
            new Branch("CONFERENCE", "conference", "co", "co.name",
                    "left(coalesce(co.description, co.organizer, co.name), 200)", "co.search_text", true, "0"),
            new Branch("PROPOSAL", "proposal", "pr", "pr.title",
                    "left(coalesce(pr.summary, nullif(pr.programme_text, ''), pr.title), 200)", "pr.search_text", true, "0"),
            new Branch("PARTNERSHIP", "partnership", "pa", "replace(pa.city_names, ' ', ' – ')",
                    "left(coalesce(pa.description, initcap(replace(pa.relationship_type, '_', ' '))), 200)",
                    "pa.search_text", false, "0"));

    /** The union for each mode, built once from the constants above. */
    private static final Map<TextMatch.Mode, String> HITS = Map.of(
            TextMatch.Mode.WORDS, hits(TextMatch.Mode.WORDS), TextMatch.Mode.SIMILAR, hits(TextMatch.Mode.SIMILAR));

    private static String hits(TextMatch.Mode mode) {
        return "(" + String.join(" UNION ALL ", BRANCHES.stream().map(branch -> branch.sql(mode)).toList()) + ") t";
    }

    private static final Map<String, String> PATHS = Map.of(
            "CITY", "/v1/cities/", "VISIT", "/v1/visits/", "CONFERENCE", "/v1/conferences/",
            "PROPOSAL", "/v1/proposals/", "PARTNERSHIP", "/v1/partnerships/");

    @Inject
    EntityManager entityManager;

    @Inject
    SearchVocabulary vocabulary;

    @Inject
    org.citylinks.common.CurrentUser current;

    @Transactional(Transactional.TxType.SUPPORTS)
    public SearchPageDto search(String text, SearchHitDto.TypeEnum type, int limit, String cursor) {
        org.citylinks.common.Viewer viewer = current.viewer();
        KeysetQuery.Page page = TextMatch.page(text, match -> query(type, match, viewer), entityManager, vocabulary,
                cursor, limit);
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

    private static KeysetQuery query(SearchHitDto.TypeEnum type, TextMatch.Match match,
            org.citylinks.common.Viewer viewer) {
        List<Object> parameters = new ArrayList<>();
        String hits = HITS.get(match.mode());
        for (Branch branch : BRANCHES) {
            if (branch.private_()) {
                hits = hits.replace("{VISIBLE:" + branch.alias() + "}", viewer.condition(branch.alias()));
                parameters.addAll(viewer.parameters());
            }
        }
        KeysetQuery query = match.query("t.kind, t.id, t.title, t.snippet, t.score", "CROSS JOIN LATERAL " + hits, "",
                parameters.toArray());
        if (type != null) {
            query.where("t.kind = ?", type.value());
        }
        return query.orderBy(List.of(KeysetQuery.SortKey.desc("t.score", "double precision"),
                KeysetQuery.SortKey.asc("t.kind", "text"), KeysetQuery.SortKey.asc("t.id", "uuid")));
    }
}
