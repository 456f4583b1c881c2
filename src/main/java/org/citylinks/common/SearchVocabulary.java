package org.citylinks.common;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's copy of the words every {@code q} searches ({@code search_word}, see
 * {@code V11__search_words.sql}), kept in step with the database: each lookup reads, in the same
 * statement that normalises the text, the words added since the last one saw. That is an index
 * probe that finds nothing nearly always, and it means a word is forgiven its typos as soon as the
 * row holding it is committed, by this instance or any other.
 */
@ApplicationScoped
public class SearchVocabulary {

    private static final String LOOKUP = "SELECT tsvector_to_array(to_tsvector('simple', citylinks_normalize(CAST(? AS text))))"
            + " AS words, CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS horizon,"
            + " ARRAY(SELECT word FROM search_word WHERE added_in >= CAST(? AS xid8)) AS added";

    private volatile TypoTolerance.Vocabulary words = TypoTolerance.Vocabulary.EMPTY;
    /** The xmin of the last snapshot whose additions are in {@link #words}; 0 before the first load. */
    private volatile long horizon;

    /**
     * The tsquery texts that match {@code text} as typed and with its typos forgiven (see
     * {@link TypoTolerance#typoQueries}), or null when no word of it is long enough to have any
     * (the text alone decides, so that every page of a search binds its inputs alike).
     */
    public TypoTolerance.TypoQueries typoQueries(String text, Connection connection) throws SQLException {
        if (!mayHaveTypos(text)) {
            return null;
        }
        long from = horizon;
        try (PreparedStatement statement = connection.prepareStatement(LOOKUP)) {
            statement.setString(1, text);
            statement.setString(2, Long.toString(from));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                List<String> typed = strings(result.getArray("words"));
                update(strings(result.getArray("added")), Long.parseLong(result.getString("horizon")));
                return TypoTolerance.typoQueries(typed, words);
            }
        }
    }

    private synchronized void update(List<String> added, long seenTo) {
        words = words.with(added);
        horizon = Math.max(horizon, seenTo);
    }

    /** Whether some word of the text is long enough for a typo to be forgiven (before normalising, which keeps lengths nearly). */
    private static boolean mayHaveTypos(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            run = Character.isLetterOrDigit(codePoint) ? run + 1 : 0;
            if (TypoTolerance.allowedTypos(run) > 0) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
        } finally {
            array.free();
        }
    }
}
