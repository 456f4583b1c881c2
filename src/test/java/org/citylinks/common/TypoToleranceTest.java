package org.citylinks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The typo rules a user of {@code q} relies on, and the trie walk checked against the plain distance. */
class TypoToleranceTest {

    private static final TypoTolerance.Vocabulary CITY_WORDS = TypoTolerance.Vocabulary.of(List.of(
            "kanazawa", "kanzaki", "kanzakimachi", "jakarta", "jicheon", "icheon", "barcelona", "milano", "milanowek",
            "milas", "pekalongan", "denpasar", "darwin", "metz", "ambon", "philadelphia", "paris", "pairs"));

    @Test
    void typosAllowedGrowWithTheWord() {
        assertEquals(0, TypoTolerance.allowedTypos(4));
        assertEquals(1, TypoTolerance.allowedTypos(5));
        assertEquals(1, TypoTolerance.allowedTypos(8));
        assertEquals(2, TypoTolerance.allowedTypos(9));
    }

    @Test
    void aLetterLeftOutAddedChangedOrSwappedIsOneTypo() {
        assertEquals(List.of(new TypoTolerance.Near("kanazawa", 1)), CITY_WORDS.near("kanzawa", 1));
        assertEquals(List.of(new TypoTolerance.Near("jakarta", 1)), CITY_WORDS.near("jakrta", 1));
        assertEquals(List.of(new TypoTolerance.Near("darwin", 1)), CITY_WORDS.near("darwni", 1));
        assertEquals(List.of(new TypoTolerance.Near("denpasar", 1)), CITY_WORDS.near("denpazar", 1));
        assertEquals(List.of(new TypoTolerance.Near("barcelona", 1)), CITY_WORDS.near("barcelnoa", 2));
    }

    @Test
    void aLongWordIsForgivenTwo() {
        assertEquals(List.of(new TypoTolerance.Near("barcelona", 2)), CITY_WORDS.near("barzelnoa", 2));
        assertEquals(List.of(), CITY_WORDS.near("barzelnoa", 1));
    }

    @Test
    void aTypoOnTheFirstLetterCountsTwice() {
        // Icheon is not Jicheon with one letter missing, and a five-letter word has one typo to spend
        assertEquals(List.of(), CITY_WORDS.near("icheon", 1));
        assertEquals(List.of(), CITY_WORDS.near("oaris", 1));
        assertEquals(List.of(new TypoTolerance.Near("pekalongan", 2)), CITY_WORDS.near("bekalongan", 2));
    }

    @Test
    void theWordItselfAndTheWordsItStartsAreLeftToThePrefixMatch() {
        assertEquals(List.of(new TypoTolerance.Near("milas", 1)), CITY_WORDS.near("milan", 1));
        assertEquals(List.of(new TypoTolerance.Near("pairs", 1)), CITY_WORDS.near("paris", 1));
    }

    @Test
    void theTypoQueriesAddTheNearWordsToEachWordAsTyped() {
        TypoTolerance.Vocabulary words = CITY_WORDS.with(List.of("welling", "wellington"));
        assertEquals(new TypoTolerance.TypoQueries("'wellingon':* & 'city':*",
                "('wellingon':* | 'wellington' | 'welling') & 'city':*", "('wellingon':* | 'wellington') & 'city':*"),
                TypoTolerance.typoQueries(List.of("wellingon", "city"), words));
        assertEquals(new TypoTolerance.TypoQueries("'metz':* & 'ambon':*", null, null),
                TypoTolerance.typoQueries(List.of("metz", "ambon"), CITY_WORDS), "nothing to forgive");
        assertEquals("'o''brien\\\\x'", TypoTolerance.quoted("o'brien\\x"));
    }

    @Test
    void aVocabularyGrowsInOrder() {
        TypoTolerance.Vocabulary grown = CITY_WORDS.with(List.of("kanazawa", "zzyzx", "aachen"));
        assertEquals(CITY_WORDS.size() + 2, grown.size());
        assertTrue(grown.contains("aachen") && grown.contains("zzyzx") && grown.contains("metz"));
        assertEquals(CITY_WORDS, CITY_WORDS.with(List.of("metz")));
        assertEquals(List.of(new TypoTolerance.Near("aachen", 1)), grown.near("aachn", 1));
    }

    /** The walk finds exactly what comparing every word would, on words of few letters so that many are near. */
    @Test
    void theWalkFindsWhatTheDistanceSays() {
        Random random = new Random(19);
        TreeSet<String> words = new TreeSet<>();
        while (words.size() < 3000) {
            words.add(randomWord(random, 3 + random.nextInt(8)));
        }
        TypoTolerance.Vocabulary vocabulary = TypoTolerance.Vocabulary.of(words);
        for (int i = 0; i < 500; i++) {
            String typed = randomWord(random, 5 + random.nextInt(6));
            int typos = TypoTolerance.allowedTypos(typed.length());
            List<TypoTolerance.Near> expected = new ArrayList<>();
            for (String word : words) {
                int counted = distance(typed, word) + (word.charAt(0) == typed.charAt(0) ? 0 : 1);
                if (counted <= typos && !word.startsWith(typed)) {
                    expected.add(new TypoTolerance.Near(word, counted));
                }
            }
            expected.sort(Comparator.comparingInt(TypoTolerance.Near::typos).thenComparing(TypoTolerance.Near::word));
            List<TypoTolerance.Near> nearest = expected.subList(0, Math.min(expected.size(), TypoTolerance.MAX_CANDIDATES));
            assertEquals(nearest, vocabulary.near(typed, typos), typed);
        }
    }

    private static String randomWord(Random random, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append("abcde".charAt(random.nextInt(5)));
        }
        return word.toString();
    }

    /** Optimal string alignment distance, the textbook table. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
