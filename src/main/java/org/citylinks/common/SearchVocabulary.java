package org.citylinks.common;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The service's copy of the words every {@code q} searches ({@code search_word}, see
 * {@code V11__search_words.sql}), and the lexemes of the text typed, so that a search can forgive
 * typos without a statement of its own before the one that finds the rows.
 *
 * <p>A thread of its own keeps the copy: it loads the words, then listens on one connection for the
 * notice the tables' triggers send when a transaction adds words ({@code V12}) and reads what was
 * added since it last looked, at once, and every half minute in case a notice was lost with a
 * connection. So a word is forgiven its typos milliseconds after the row holding it is committed,
 * by this instance or any other; the words as typed are matched at once, as they always were.
 *
 * <p>The lexemes come from {@link SearchLexemes} when the text is plain; otherwise, and until the
 * thread has read the database's normalisation, the database makes them, in one statement that
 * also reads the words added since the last look.
 */
@ApplicationScoped
public class SearchVocabulary {

    private static final Logger LOG = Logger.getLogger(SearchVocabulary.class);

    /** The channel of the triggers' notices. */
    static final String CHANNEL = "citylinks_search_words";

    private static final String LEXEMES = "SELECT tsvector_to_array(to_tsvector('simple', citylinks_normalize(CAST(? AS text))))"
            + " AS words, CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS horizon,"
            + " ARRAY(SELECT word FROM search_word WHERE added_in >= CAST(? AS xid8)) AS added";

    private static final String ADDED = "SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS horizon,"
            + " ARRAY(SELECT word FROM search_word WHERE added_in >= CAST(? AS xid8)) AS added";

    /** What citylinks_normalize makes of each character of the Basic Multilingual Plane it changes. */
    private static final String FOLDING = "SELECT code, citylinks_normalize(chr(code)) AS folded"
            + " FROM generate_series(1, 65535) AS code WHERE code NOT BETWEEN 55296 AND 57343"
            + " AND citylinks_normalize(chr(code)) IS DISTINCT FROM chr(code)";

    /** Texts whose lexemes the service and the database must agree on before the service makes its own. */
    private static final List<String> PROBES = List.of("Kanazawa", "São Paulo", "Aix-en-Provence", "Köln Bonn",
            "Ich'ŏn (Icheon)", "MOSCOW, Москва; Ελλάδα!", "Łódź Øresund Straße", "L'Aquila \"Ambon\"", "Zürich?",
            "Ḥalab", "東京", "Québec-Lévis", "  Trois  Rivières  ");

    @Inject
    AgroalDataSource dataSource;

    private volatile TypoTolerance.Vocabulary words = TypoTolerance.Vocabulary.EMPTY;
    /** The xmin of the last snapshot whose additions are in {@link #words}; 0 before the first load. */
    private volatile long horizon;
    /** Set once the database's normalisation is read and checked; until then the database makes the lexemes. */
    private volatile SearchLexemes lexemes;
    private volatile boolean running;
    private Thread keeper;

    void onStart(@Observes StartupEvent started) {
        running = true;
        keeper = Thread.ofPlatform().daemon().name("search-vocabulary").start(this::keep);
    }

    void onStop(@Observes ShutdownEvent stopping) {
        running = false;
        if (keeper != null) {
            keeper.interrupt();
        }
    }

    /**
     * The tsquery texts that match {@code text} as typed and with its typos forgiven (see
     * {@link TypoTolerance#typoQueries}) when the service can make them alone; empty when the
     * database must be asked ({@link #typoQueries(String, Connection)}).
     */
    public Optional<TypoTolerance.TypoQueries> typoQueries(String text) {
        SearchLexemes known = lexemes;
        List<String> typed = known == null ? null : known.of(text);
        return typed == null ? Optional.empty() : Optional.of(TypoTolerance.typoQueries(typed, words));
    }

    /**
     * As {@link #typoQueries(String)}, asking the database for the lexemes; null when no word of
     * the text is long enough to have a typo, so that the search need not ask (the text alone
     * decides, so that every page of a search binds its inputs alike).
     */
    public TypoTolerance.TypoQueries typoQueries(String text, Connection connection) throws SQLException {
        if (!mayHaveTypos(text)) {
            return null;
        }
        long from = horizon;
        try (PreparedStatement statement = connection.prepareStatement(LEXEMES)) {
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

    /** The keeper thread: listen, read what was added, and start again on a new connection after a failure. */
    private void keep() {
        long pause = 1;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (lexemes == null) {
                    lexemes = checkedLexemes(connection);
                }
                PGConnection notices = connection.unwrap(PGConnection.class);
                pause = 1;
                while (running) {
                    readAdded(connection);
                    notices.getNotifications((int) TimeUnit.SECONDS.toMillis(30));
                }
            } catch (SQLException | RuntimeException failure) {
                if (!running) {
                    return;
                }
                LOG.warnf("Search vocabulary: %s; trying again in %d s (typos are forgiven with the words known)",
                        failure.getMessage(), pause);
                try {
                    Thread.sleep(TimeUnit.SECONDS.toMillis(pause));
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = Math.min(pause * 2, 30);
            }
        }
    }

    private void readAdded(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ADDED)) {
            statement.setString(1, Long.toString(horizon));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                update(strings(result.getArray("added")), Long.parseLong(result.getString("horizon")));
            }
        }
    }

    /**
     * The service's lexemes, once they agree with the database's on {@link #PROBES}; null (so the
     * database keeps making them) if a differently configured database splits text otherwise.
     */
    static SearchLexemes checkedLexemes(Connection connection) throws SQLException {
        Map<Character, String> folding = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(FOLDING)) {
            while (result.next()) {
                folding.put((char) result.getInt("code"), result.getString("folded"));
            }
        }
        SearchLexemes candidate = new SearchLexemes(folding);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tsvector_to_array(to_tsvector('simple', citylinks_normalize(CAST(? AS text))))")) {
            for (String probe : PROBES) {
                statement.setString(1, probe);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    List<String> expected = strings(result.getArray(1));
                    List<String> made = candidate.of(probe);
                    if (made != null && !made.equals(expected)) {
                        LOG.warnf("Search vocabulary: the database makes %s of \"%s\", the service %s;"
                                + " the database will make every search's lexemes", expected, probe, made);
                        return null;
                    }
                }
            }
        }
        return candidate;
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
