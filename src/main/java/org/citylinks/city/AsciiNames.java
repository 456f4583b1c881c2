package org.citylinks.city;

import java.util.Optional;

import com.ibm.icu.text.Transliterator;

/**
 * Derives a plain ASCII form of a name, for cities created without one: ICU's transliteration to
 * Latin letters (a romanisation for other scripts: 日本 becomes "Ri Ben", 이천 "Icheon", Москва
 * "Moskva"), then to ASCII (São Paulo becomes "Sao Paulo"). A name with nothing to transliterate
 * (emoji, symbols) has no ASCII form; the client must send one.
 */
public final class AsciiNames {

    private static final Transliterator TO_ASCII = Transliterator.getInstance(
            "Any-Latin; Latin-ASCII; [^\\u0020-\\u007E] Remove");

    private AsciiNames() {
    }

    public static Optional<String> of(String name) {
        if (name.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            // Already ASCII (most names an import matches): nothing for ICU to do.
            String plain = name.replaceAll(" {2,}", " ").strip();
            return plain.chars().anyMatch(Character::isLetterOrDigit) ? Optional.of(plain) : Optional.empty();
        }
        String ascii;
        synchronized (TO_ASCII) { // a Transliterator is not safe for concurrent use
            ascii = TO_ASCII.transliterate(name);
        }
        ascii = ascii.replaceAll(" {2,}", " ").strip();
        return ascii.chars().anyMatch(Character::isLetterOrDigit) ? Optional.of(titled(ascii, name)) : Optional.empty();
    }

    /** A script without letter case romanises in lower case; its words start with a capital, as names do. */
    private static String titled(String ascii, String name) {
        if (name.codePoints().anyMatch(c -> Character.isUpperCase(c) || Character.isLowerCase(c))) {
            return ascii;
        }
        StringBuilder titled = new StringBuilder(ascii.length());
        boolean start = true;
        for (char c : ascii.toCharArray()) {
            titled.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        return titled.toString();
    }
}
