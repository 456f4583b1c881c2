package org.citylinks.city;

import java.text.Normalizer;

/** Derives a plain ASCII form of a name, for cities created without one. */
public final class AsciiNames {

    private AsciiNames() {
    }

    public static String of(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
                .replace("đ", "d").replace("Đ", "D").replace("ı", "i").replace("æ", "ae").replace("Æ", "AE")
                .replace("œ", "oe").replace("Œ", "OE");
        String ascii = decomposed.replaceAll("\\p{M}+", "").replaceAll("[^\\x20-\\x7E]", "").strip();
        // A name in another script has no Latin letters to keep; the name itself is better than nothing.
        return ascii.isEmpty() ? name : ascii;
    }
}
