package org.citylinks.common;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The country codes CityLinks accepts: ISO 3166-1 alpha-2 (as the JDK knows it), and {@code XK},
 * the user-assigned code that the EU, CLDR, GeoNames and the world-cities data use for Kosovo,
 * which ISO 3166-1 has not assigned.
 */
public final class CountryCodes {

    /** Codes in use that ISO 3166-1 leaves to users: Kosovo's. */
    public static final Set<String> USER_ASSIGNED = Set.of("XK");

    private static final Set<String> CODES;

    static {
        Set<String> codes = new TreeSet<>(Set.of(Locale.getISOCountries()));
        codes.addAll(USER_ASSIGNED);
        CODES = Set.copyOf(codes);
    }

    private CountryCodes() {
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }

    public static Set<String> all() {
        return CODES;
    }

    /** What a refusal says of a code that is not one of them. */
    public static final String NOT_KNOWN = "is not a country code CityLinks accepts (ISO 3166-1 alpha-2, or XK for Kosovo)";
}
