package org.citylinks.city;

import java.util.Arrays;
import java.util.List;

import org.citylinks.common.KeysetQuery.SortKey;
import org.citylinks.common.ProblemException;

/**
 * The orders a client can ask for with {@code sort}, and the two it gets by default: relevance for
 * {@code q} and distance for {@code near}. Each is a list of sort keys that ends in the id, so that
 * keyset paging has a total order.
 */
public enum CitySort {
    NAME("name", List.of(SortKey.asc("c.sort_name", "text"))),
    NAME_DESC("-name", List.of(SortKey.desc("c.sort_name", "text"))),
    POPULATION("population", List.of(SortKey.asc("coalesce(c.population, -1)", "bigint"))),
    POPULATION_DESC("-population", List.of(SortKey.desc("coalesce(c.population, -1)", "bigint"))),
    COUNTRY("countryCode", List.of(SortKey.asc("c.country_code", "text"), SortKey.asc("c.sort_name", "text"))),
    COUNTRY_DESC("-countryCode", List.of(SortKey.desc("c.country_code", "text"), SortKey.asc("c.sort_name", "text"))),
    CREATED("createdAt", List.of(SortKey.asc("c.created_at", "timestamptz"))),
    CREATED_DESC("-createdAt", List.of(SortKey.desc("c.created_at", "timestamptz"))),
    UPDATED("updatedAt", List.of(SortKey.asc("c.updated_at", "timestamptz"))),
    UPDATED_DESC("-updatedAt", List.of(SortKey.desc("c.updated_at", "timestamptz"))),
    /** Best match first: name similarity, then the larger city. Only with {@code q} (near spellings). */
    RELEVANCE(null, List.of(
            SortKey.desc("CAST(similarity(c.search_name, p.text) + word_similarity(p.text, c.search_name)"
                    + " AS double precision)", "double precision"),
            SortKey.desc("coalesce(c.population, -1)", "bigint"))),
    /** Nearest first, by chord distance on the earth cube (the same order as great-circle distance). */
    DISTANCE(null, List.of(SortKey.asc("(c.earth_point <-> p.here)", "double precision")));

    /**
     * The relevance of a {@code q} search in words, as search engines rank: a city one of whose
     * names (its name, ASCII name or an alternate name) is the text typed first, then those with a
     * name that starts with it, then those with every word as typed somewhere in their names, then
     * those that match with the fewest typos forgiven, then the other typo matches; within each, the
     * larger city first, and among typo matches of the same size the name nearest to the text. So
     * {@code Milano} finds Milan before Milanówek, {@code Kanzawa} finds Kanazawa and
     * {@code Maimi} Miami.
     */
    static final List<SortKey> WORD_RELEVANCE = List.of(
            SortKey.asc("CASE WHEN p.text = ANY (c.match_names) THEN 0"
                    + " WHEN EXISTS (SELECT 1 FROM unnest(c.match_names) AS n WHERE starts_with(n, p.text)) THEN 1"
                    + " WHEN c.search_vector @@ p.query THEN 2 WHEN c.search_vector @@ p.closest THEN 3 ELSE 4 END",
                    "integer"),
            SortKey.desc("coalesce(c.population, -1)", "bigint"),
            SortKey.desc("CAST(CASE WHEN c.search_vector @@ p.query THEN 0 ELSE similarity(c.search_name, p.text) END"
                    + " AS double precision)", "double precision"));

    private final String parameter;
    private final List<SortKey> keys;

    CitySort(String parameter, List<SortKey> keys) {
        this.parameter = parameter;
        this.keys = keys;
    }

    public List<SortKey> keys() {
        return keys;
    }

    public String parameter() {
        return parameter;
    }

    public static CitySort fromParameter(String value) {
        return Arrays.stream(values())
                .filter(sort -> sort.parameter != null && sort.parameter.equals(value))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidParameter("sort", "must be one of "
                        + Arrays.stream(values()).map(CitySort::parameter).filter(p -> p != null).toList()));
    }
}
