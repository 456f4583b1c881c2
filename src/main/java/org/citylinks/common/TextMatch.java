package org.citylinks.common;

import java.util.function.Function;

import jakarta.persistence.EntityManager;

/**
 * The free-text search of a list ({@code q}) over a table's generated {@code search_vector} and
 * {@code search_text} columns (both normalised: no case, no accents, no stemming).
 *
 * <p>It runs in one of two {@link Mode}s. {@link Mode#WORDS} first: every word typed starts a word
 * of the text, which the full-text GIN index answers in a fraction of a millisecond. Only when that
 * finds nothing does {@link Mode#SIMILAR} look for near spellings by trigram word similarity, which
 * forgives typos but must read every row sharing a trigram with the input: milliseconds, not
 * microseconds, on a large table. A cursor carries on in the mode of the page that made it.
 */
public final class TextMatch {

    /** How {@code q} matches. */
    public enum Mode { WORDS, SIMILAR }

    private TextMatch() {
    }

    /**
     * The FROM clause of {@code table alias} joined to the query's inputs {@code p}, bound once:
     * {@code p.text} (the normalised words) and {@code p.query} (the prefix tsquery).
     */
    public static KeysetQuery query(String columns, String table, String alias, String text) {
        return new KeysetQuery(columns, table + " " + alias
                + " CROSS JOIN (SELECT citylinks_normalize(CAST(? AS text)) AS text,"
                + " citylinks_query(CAST(? AS text)) AS query) p", text, text);
    }

    /** Rows whose text has every word (or a word starting with it), or, in SIMILAR, is close to the words typed. */
    public static String condition(String alias, Mode mode) {
        return condition(alias, mode, alias + ".search_text");
    }

    /** As {@link #condition(String, Mode)}, with the near spellings matched against {@code similarText}. */
    public static String condition(String alias, Mode mode, String similarText) {
        return mode == Mode.WORDS ? alias + ".search_vector @@ p.query" : "p.text <% " + similarText;
    }

    /** Best match first: word rank plus similarity (computed only for the rows that matched). */
    public static KeysetQuery.SortKey relevance(String alias) {
        return KeysetQuery.SortKey.desc("CAST(coalesce(ts_rank(" + alias + ".search_vector, p.query), 0)"
                + " + word_similarity(p.text, " + alias + ".search_text) AS double precision)", "double precision");
    }

    /**
     * One page of a search that may have text: {@code build} makes the query for a mode. Without
     * text, or with words that match, that is the WORDS query; the SIMILAR one runs for a first page
     * that found nothing, and for the pages after it.
     */
    public static KeysetQuery.Page page(String text, Function<Mode, KeysetQuery> build, EntityManager entityManager,
            String cursor, int limit) {
        KeysetQuery words = build.apply(Mode.WORDS);
        if (text == null) {
            return words.run(entityManager, cursor, limit);
        }
        KeysetQuery similar = build.apply(Mode.SIMILAR);
        if (cursor != null && similar.madeCursor(cursor)) {
            return similar.run(entityManager, cursor, limit);
        }
        KeysetQuery.Page page = words.run(entityManager, cursor, limit);
        if (page.rows().isEmpty() && cursor == null) {
            return similar.run(entityManager, null, limit);
        }
        return page;
    }
}
