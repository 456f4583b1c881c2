package org.citylinks.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Typo tolerance as search engines such as Meilisearch and Typesense define it: a word typed may
 * differ from a word of the text by {@link #allowedTypos(int) one typo from 5 letters and two from
 * 9}, a typo being a letter added, left out, changed, or two neighbours swapped (the optimal string
 * alignment distance). A typo on the first letter counts twice, since people rarely get it wrong:
 * that keeps {@code Icheon} from matching {@code Jicheon}.
 *
 * <p>The words are those of a {@link Vocabulary}, packed into two arrays (a million words take
 * some 20 MB, the world data's 23,000 well under 1 MB) and searched in sorted order as a trie is:
 * a run of words sharing a prefix is one node, left as soon as the prefix alone costs more typos
 * than allowed. A lookup visits a few hundred nodes, some microseconds.
 */
public final class TypoTolerance {

    /** At most this many words are looked for in place of one typed, the nearest first. */
    static final int MAX_CANDIDATES = 20;

    private TypoTolerance() {
    }

    /** Typos forgiven in a word of {@code length} letters: none below 5, one up to 8, two from 9. */
    public static int allowedTypos(int length) {
        return length >= 9 ? 2 : length >= 5 ? 1 : 0;
    }

    /** A word of the vocabulary near a word typed, and how many typos apart they are. */
    public record Near(String word, int typos) {
    }

    /**
     * The tsquery texts of a text: {@code strict} matches each word typed as the start of a word
     * (what {@code citylinks_query} makes of it); {@code loose} also as any word of the vocabulary
     * within its typos, {@code closest} only as the nearest of those (the fewest typos), so that
     * rows needing fewer typos can rank first. Both are null when no word has a near word.
     */
    public record TypoQueries(String strict, String loose, String closest) {

        /** The same text with no typo forgiven. */
        public TypoQueries asTyped() {
            return loose == null ? this : new TypoQueries(strict, null, null);
        }
    }

    /**
     * The {@link TypoQueries} of {@code words} (the lexemes of the normalised text, as
     * {@code citylinks_query} takes them). Each lexeme is quoted as tsquery syntax wants.
     */
    public static TypoQueries typoQueries(List<String> words, Vocabulary vocabulary) {
        List<String> strict = new ArrayList<>();
        List<String> loose = new ArrayList<>();
        List<String> closest = new ArrayList<>();
        boolean forgiven = false;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            List<Near> near = word.codePoints().allMatch(Character::isLetter)
                    ? vocabulary.near(word, allowedTypos(word.codePointCount(0, word.length())))
                    : List.of();
            String typed = quoted(word) + ":*";
            strict.add(typed);
            if (near.isEmpty()) {
                loose.add(typed);
                closest.add(typed);
            } else {
                forgiven = true;
                int fewest = near.get(0).typos();
                loose.add(alternatives(typed, near));
                closest.add(alternatives(typed, near.stream().filter(candidate -> candidate.typos() == fewest).toList()));
            }
        }
        return new TypoQueries(strict.isEmpty() ? null : String.join(" & ", strict),
                forgiven ? String.join(" & ", loose) : null, forgiven ? String.join(" & ", closest) : null);
    }

    private static String alternatives(String typed, List<Near> near) {
        StringBuilder term = new StringBuilder("(").append(typed);
        near.forEach(candidate -> term.append(" | ").append(quoted(candidate.word())));
        return term.append(')').toString();
    }

    /** A lexeme in tsquery syntax: in single quotes, with quotes and backslashes escaped. */
    static String quoted(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * A sorted set of distinct words, immutable; {@link #with} makes a larger one. The characters
     * of all words follow each other in {@code chars}; word {@code i} runs from {@code starts[i]}
     * to {@code starts[i + 1]}.
     */
    public static final class Vocabulary {

        static final Vocabulary EMPTY = of(List.of());

        private final char[] chars;
        private final int[] starts;

        private Vocabulary(char[] chars, int[] starts) {
            this.chars = chars;
            this.starts = starts;
        }

        public static Vocabulary of(Collection<String> words) {
            String[] sorted = words.stream().distinct().sorted().toArray(String[]::new);
            int[] starts = new int[sorted.length + 1];
            int length = 0;
            for (int i = 0; i < sorted.length; i++) {
                starts[i] = length;
                length += sorted[i].length();
            }
            starts[sorted.length] = length;
            char[] chars = new char[length];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i].getChars(0, sorted[i].length(), chars, starts[i]);
            }
            return new Vocabulary(chars, starts);
        }

        public int size() {
            return starts.length - 1;
        }

        public boolean contains(String word) {
            int low = 0;
            int high = size() - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                int order = compare(middle, word);
                if (order == 0) {
                    return true;
                } else if (order < 0) {
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return false;
        }

        /** This vocabulary and {@code added}; this one itself when they hold nothing new. */
        public Vocabulary with(Collection<String> added) {
            List<String> missing = added.stream().filter(word -> !contains(word)).toList();
            if (missing.isEmpty()) {
                return this;
            }
            List<String> all = new ArrayList<>(size() + missing.size());
            for (int i = 0; i < size(); i++) {
                all.add(word(i));
            }
            all.addAll(missing);
            return of(all);
        }

        String word(int index) {
            return new String(chars, starts[index], length(index));
        }

        /**
         * The words within {@code typos} of {@code typed}, nearest first, at most
         * {@link #MAX_CANDIDATES}: neither {@code typed} itself nor the words it starts, which
         * the prefix match finds anyway.
         */
        public List<Near> near(String typed, int typos) {
            if (typos <= 0 || typed.isEmpty() || size() == 0) {
                return List.of();
            }
            List<Near> found = new ArrayList<>();
            int[] first = new int[typed.length() + 1];
            for (int x = 0; x < first.length; x++) {
                first[x] = x;
            }
            new Walk(typed, found).children(0, size(), 0, first, null, (char) 0, typos);
            found.sort(Comparator.comparingInt(Near::typos).thenComparing(Near::word));
            return found.size() > MAX_CANDIDATES ? List.copyOf(found.subList(0, MAX_CANDIDATES)) : found;
        }

        private int length(int index) {
            return starts[index + 1] - starts[index];
        }

        private char charAt(int index, int position) {
            return chars[starts[index] + position];
        }

        private int compare(int index, String word) {
            int length = length(index);
            int common = Math.min(length, word.length());
            for (int position = 0; position < common; position++) {
                int order = Character.compare(charAt(index, position), word.charAt(position));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(length, word.length());
        }

        /** One lookup: the trie walk over the words' prefixes with one row of the distance table per prefix. */
        private final class Walk {

            private final String typed;
            private final List<Near> found;

            Walk(String typed, List<Near> found) {
                this.typed = typed;
                this.found = found;
            }

            /**
             * The words in [{@code low}, {@code high}) share their first {@code depth} characters;
             * {@code row[x]} is the distance of that prefix from the first {@code x} characters
             * typed, {@code above} the row of the prefix one shorter (for swaps).
             */
            void children(int low, int high, int depth, int[] row, int[] above, char last, int typos) {
                int index = low;
                if (index < high && length(index) == depth) {
                    // the prefix is itself a word (it sorts first among the words it starts)
                    int distance = row[typed.length()];
                    if (distance > 0 && distance <= typos && !startsTyped(index)) {
                        // reported as counted: a first letter other than the one typed is a second typo
                        found.add(new Near(word(index), distance + (charAt(index, 0) == typed.charAt(0) ? 0 : 1)));
                    }
                    index++;
                }
                while (index < high) {
                    char next = charAt(index, depth);
                    int end = endOfRun(index, high, depth, next);
                    // a first letter other than the one typed costs a second typo
                    int budget = depth == 0 && next != typed.charAt(0) ? typos - 1 : typos;
                    if (budget > 0) {
                        int[] below = step(row, above, depth, last, next);
                        if (min(below) <= budget) {
                            children(index, end, depth + 1, below, row, next, budget);
                        }
                    }
                    index = end;
                }
            }

            private int[] step(int[] row, int[] above, int depth, char last, char next) {
                int[] below = new int[row.length];
                below[0] = depth + 1;
                for (int x = 1; x < row.length; x++) {
                    char typedChar = typed.charAt(x - 1);
                    int cost = typedChar == next ? 0 : 1;
                    int distance = Math.min(Math.min(row[x] + 1, below[x - 1] + 1), row[x - 1] + cost);
                    if (above != null && x >= 2 && typedChar == last && typed.charAt(x - 2) == next) {
                        distance = Math.min(distance, above[x - 2] + 1);
                    }
                    below[x] = distance;
                }
                return below;
            }

            private boolean startsTyped(int index) {
                if (length(index) < typed.length()) {
                    return false;
                }
                for (int position = 0; position < typed.length(); position++) {
                    if (charAt(index, position) != typed.charAt(position)) {
                        return false;
                    }
                }
                return true;
            }

            /** The first word after {@code index} whose character at {@code depth} is past {@code next}. */
            private int endOfRun(int index, int high, int depth, char next) {
                int low = index + 1;
                int top = high;
                while (low < top) {
                    int middle = (low + top) >>> 1;
                    if (charAt(middle, depth) <= next) {
                        low = middle + 1;
                    } else {
                        top = middle;
                    }
                }
                return low;
            }
        }

        private static int min(int[] row) {
            return Arrays.stream(row).min().orElse(0);
        }
    }
}
