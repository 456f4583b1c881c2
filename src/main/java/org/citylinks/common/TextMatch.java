package org.citylinks.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

/**
 * The free-text search of a list ({@code q}) over a table's generated {@code search_vector} and
 * {@code search_text} columns (both normalised: no case, no accents, no stemming).
 *
 * <p>It runs in one of two {@link Mode}s. {@link Mode#WORDS} first: every word typed starts a word
 * of the text, or is a word of the text with a typo forgiven ({@link TypoTolerance}, whose near
 * words {@link SearchVocabulary} finds before the query runs), which the full-text GIN index
 * answers in a fraction of a millisecond. Rows that match as typed rank above those that match only
 * with a typo forgiven. Only when that finds nothing does {@link Mode#SIMILAR} look for near
 * spellings by trigram word similarity, which forgives what the typo rules do not (a typo in a short
 * word, or more of them) but must read every row sharing a trigram with the input: milliseconds, not
 * microseconds, on a large table. A cursor carries on in the mode of the page that made it.
 */
public final class TextMatch {

    /** How {@code q} matches. */
    public enum Mode { WORDS, SIMILAR }

    /**
     * One way of matching a text: the mode, the text (null without {@code q}) and the tsquery texts
     * with its typos forgiven (null when there are none to forgive).
     */
    public record Match(Mode mode, String text, TypoTolerance.TypoQueries typos) {

        /**
         * The subquery {@code p} that binds the query's inputs once: {@code p.text} (the normalised
         * words), {@code p.query} (each word as the start of a word), {@code p.loose} (the same or
         * a word within its typos) and {@code p.closest} (the same or a word with the fewest
         * typos), then {@code extraColumns} (", expression AS name", whose parameters follow this
         * one's). The planner folds it into constants. Which form it takes depends on the text
         * alone (whether a word was long enough to look up), so a cursor always meets the same one.
         */
        public String inputs(String extraColumns) {
            if (typos == null) {
                // no word long enough for a typo (or no text): nothing to forgive
                return "(SELECT q.*, q.query AS loose, q.query AS closest FROM (SELECT citylinks_normalize(CAST(? AS text))"
                        + " AS text, citylinks_query(CAST(? AS text)) AS query" + extraColumns + ") q) p";
            }
            // The words were looked up, and TypoTolerance wrote the tsqueries: that spares the
            // planner citylinks_query, a third of a millisecond on each call.
            return "(SELECT citylinks_normalize(CAST(? AS text)) AS text, to_tsquery('simple', CAST(? AS text)) AS query,"
                    + " to_tsquery('simple', CAST(? AS text)) AS loose, to_tsquery('simple', CAST(? AS text)) AS closest"
                    + extraColumns + ") p";
        }

        /** Whether rows may match with typos forgiven (else every word as typed). */
        boolean forgiving() {
            return typos != null && typos.loose() != null;
        }

        /** The parameters of {@link #inputs}, in order. */
        public List<Object> parameters() {
            if (typos == null) {
                return Arrays.asList(text, text);
            }
            String strict = typos.strict();
            return Arrays.asList(text, strict, typos.loose() == null ? strict : typos.loose(),
                    typos.closest() == null ? strict : typos.closest());
        }

        /**
         * A query whose FROM clause starts with {@link #inputs}; the typo query, which follows from
         * the text and the words known, stays out of the cursor's fingerprint.
         */
        public KeysetQuery query(String columns, String from, String extraColumns, Object... extraParameters) {
            List<Object> parameters = new ArrayList<>(parameters());
            parameters.addAll(Arrays.asList(extraParameters));
            List<Object> fingerprinted = new ArrayList<>(List.of(mode.name(), forgiving() ? "TYPOS" : "AS_TYPED"));
            fingerprinted.add(text);
            fingerprinted.addAll(Arrays.asList(extraParameters));
            return new KeysetQuery(columns, inputs(extraColumns) + " " + from, parameters, fingerprinted);
        }
    }

    private TextMatch() {
    }

    /** The FROM clause of {@code table alias} joined to the query's inputs {@code p} (see {@link Match#inputs}). */
    public static KeysetQuery query(String columns, String table, String alias, Match match) {
        return match.query(columns, "CROSS JOIN " + table + " " + alias, "");
    }

    /** Rows whose text has every word (or a word starting with it, or one typo away), or, in SIMILAR, is close to the words typed. */
    public static String condition(String alias, Match match) {
        return condition(alias, match.mode(), alias + ".search_text");
    }

    /** As {@link #condition(String, Match)}, with the near spellings matched against {@code similarText}. */
    public static String condition(String alias, Mode mode, String similarText) {
        return mode == Mode.WORDS ? alias + ".search_vector @@ p.loose" : "p.text <% " + similarText;
    }

    /**
     * How well a row matched, higher first: 6 for every word as typed (whole or as the start of a
     * word), 3 for the fewest typos forgiven, else 0; then the word rank (normalised below 1) and the
     * similarity of the text (at most 1). So the rows that need no typo forgiven come first, then
     * those that need fewest.
     */
    public static String score(String alias, String similarText) {
        return "CAST(CASE WHEN " + alias + ".search_vector @@ p.query THEN 6 WHEN " + alias
                + ".search_vector @@ p.closest THEN 3 ELSE 0 END"
                + " + coalesce(ts_rank(" + alias + ".search_vector, p.loose, 32), 0)"
                + " + word_similarity(p.text, " + similarText + ") AS double precision)";
    }

    /** Best match first (see {@link #score}); computed only for the rows that matched. */
    public static KeysetQuery.SortKey relevance(String alias) {
        return KeysetQuery.SortKey.desc(score(alias, alias + ".search_text"), "double precision");
    }

    /**
     * One page of a search that may have text: {@code build} makes the query for a match. Without
     * text, or with words that match as typed, that is the WORDS query of the words as typed. Only
     * when that finds nothing are typos forgiven (Typesense's rule, its {@code typo_tokens_threshold}
     * of 1: a search that finds what was typed is not padded with what might have been meant, and
     * costs what it did before typos were forgiven), and only when that finds nothing too does the
     * SIMILAR query run. A cursor carries on in the way of the page that made it.
     */
    public static KeysetQuery.Page page(String text, Function<Match, KeysetQuery> build, EntityManager entityManager,
            SearchVocabulary vocabulary, String cursor, int limit) {
        if (text == null) {
            return build.apply(new Match(Mode.WORDS, null, null)).run(entityManager, cursor, limit);
        }
        TypoTolerance.TypoQueries typos = vocabulary.typoQueries(text).orElseGet(() -> entityManager
                .unwrap(org.hibernate.Session.class).doReturningWork(connection -> vocabulary.typoQueries(text, connection)));
        Match asTyped = new Match(Mode.WORDS, text, typos == null ? null : typos.asTyped());
        Match forgiving = new Match(Mode.WORDS, text, typos);
        KeysetQuery words = build.apply(asTyped);
        KeysetQuery withTypos = forgiving.forgiving() ? build.apply(forgiving) : null;
        KeysetQuery similar = build.apply(new Match(Mode.SIMILAR, text, typos));
        if (cursor != null) {
            if (similar.madeCursor(cursor)) {
                return similar.run(entityManager, cursor, limit);
            }
            if (withTypos != null && withTypos.madeCursor(cursor)) {
                return withTypos.run(entityManager, cursor, limit);
            }
            return words.run(entityManager, cursor, limit);
        }
        KeysetQuery.Page page = words.run(entityManager, null, limit);
        if (page.rows().isEmpty() && withTypos != null) {
            page = withTypos.run(entityManager, null, limit);
        }
        if (page.rows().isEmpty()) {
            return similar.run(entityManager, null, limit);
        }
        return page;
    }
}
