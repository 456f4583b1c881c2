package org.citylinks.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The lexemes {@code to_tsvector('simple', citylinks_normalize(text))} makes of a plain text,
 * worked out in the service so that a search need not ask the database before it runs.
 *
 * <p>Plain means what the text search parser splits the same way whatever the locale: letters,
 * words joined by single hyphens (one lexeme for the whole and one for each part), and whitespace
 * or {@code , ; ! ? ( ) " '} between words. Anything else (a digit, a dot, a slash, a letter the
 * normalisation keeps as upper case, a character outside the Basic Multilingual Plane) may make a
 * number, a host name or a path of it, so {@link #of} gives up and the database is asked.
 *
 * <p>The normalisation itself is the database's: {@code folding} holds what
 * {@code citylinks_normalize} makes of every character it changes, read from the database once.
 * The unaccent rules map single characters, so a text normalises character by character.
 */
final class SearchLexemes {

    /** Longer words are left to the database, which drops some too long to index. */
    private static final int LONGEST_WORD = 200;

    private final Map<Character, String> folding;

    SearchLexemes(Map<Character, String> folding) {
        this.folding = Map.copyOf(folding);
    }

    /** The distinct lexemes of {@code text} in the database's order, or null when it is not plain. */
    List<String> of(String text) {
        StringBuilder normalized = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char character = text.charAt(i);
            if (Character.isSurrogate(character)) {
                return null;
            }
            String folded = folding.get(character);
            if (folded == null) {
                normalized.append(character);
            } else {
                normalized.append(folded);
            }
        }
        TreeSet<String> lexemes = new TreeSet<>(SearchLexemes::databaseOrder);
        List<String> parts = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= normalized.length(); i++) {
            char character = i < normalized.length() ? normalized.charAt(i) : ' ';
            if (isLetter(character)) {
                if (start < 0) {
                    start = i;
                }
            } else if (character == '-') {
                // a hyphen joins two words, or the text is not plain
                if (start < 0 || i + 1 >= normalized.length() || !isLetter(normalized.charAt(i + 1))) {
                    return null;
                }
                parts.add(normalized.substring(start, i));
                start = i + 1;
            } else if (isSeparator(character)) {
                if (start >= 0) {
                    parts.add(normalized.substring(start, i));
                    if (!addWord(lexemes, parts)) {
                        return null;
                    }
                    parts.clear();
                    start = -1;
                }
            } else {
                return null;
            }
        }
        return List.copyOf(lexemes);
    }

    private static boolean addWord(TreeSet<String> lexemes, List<String> parts) {
        String whole = String.join("-", parts);
        if (whole.length() > LONGEST_WORD) {
            return false;
        }
        lexemes.add(whole);
        if (parts.size() > 1) {
            lexemes.addAll(parts);
        }
        return true;
    }

    private static boolean isLetter(char character) {
        return character >= 'a' && character <= 'z' || character > 0x7f && Character.isLetter(character);
    }

    private static boolean isSeparator(char character) {
        return switch (character) {
            case ' ', '\t', '\n', '\r', ',', ';', '!', '?', '(', ')', '"', '\'' -> true;
            default -> false;
        };
    }

    /** A tsvector's order: by the UTF-8 bytes, a shorter lexeme before the longer ones it starts. */
    private static int databaseOrder(String left, String right) {
        byte[] a = left.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] b = right.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(a, b);
    }
}
