package org.citylinks.partnership;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ISO 3166-1 codes from the English country names of the twin-city data: the names Java knows,
 * the other names the data uses (older, shorter, misspelt, or a region of a country), and
 * "Region, Country" read as the country.
 */
final class CountryNames {

    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String code : org.citylinks.common.CountryCodes.all()) {
            CODES.put(key(Locale.of("", code).getDisplayCountry(Locale.ENGLISH)), code);
        }
        String[][] aliases = {
            { "Antigua and Barbuda", "AG" }, { "Bosnia and Herzegovina", "BA" }, { "Bosnia and Hercegovina", "BA" },
            { "Congo", "CG" }, { "Republic of the Congo", "CG" }, { "Democratic Republic of the Congo", "CD" },
            { "Czech Republic", "CZ" }, { "East Timor", "TL" }, { "England", "GB" }, { "Scotland", "GB" },
            { "Wales", "GB" }, { "Northern Ireland", "GB" }, { "Federated States of Micronesia", "FM" },
            { "Georgia (country)", "GE" }, { "Grece", "GR" }, { "Island", "IS" }, { "Ivory Coast", "CI" },
            { "Kazakhstah", "KZ" }, { "Madagaskar", "MG" }, { "Moldavia", "MD" }, { "Myanmar", "MM" },
            { "Burma", "MM" }, { "Palestine", "PS" }, { "West Bank", "PS" }, { "Republic of Ireland", "IE" },
            { "Saint Kitts and Nevis", "KN" }, { "Saint Lucia", "LC" }, { "Saint Vincent and the Grenadines", "VC" },
            { "Surinam", "SR" }, { "Sao Tome and Principe", "ST" }, { "Trinidad and Tobago", "TT" },
            { "Turkey", "TR" }, { "in Italy", "IT" }, { "French Guiana, France", "GF" },
            { "Guadeloupe, France", "GP" }, { "Martinique, France", "MQ" }, { "Reunion, France", "RE" },
            { "Aland Islands, Finland", "AX" }, { "Northern Cyprus", "CY" }, { "United States of America", "US" },
            { "USA", "US" }, { "UK", "GB" }, { "Russian Federation", "RU" }, { "Macedonia", "MK" },
            { "Swaziland", "SZ" }, { "Cape Verde", "CV" }, { "Vatican City", "VA" }, { "The Gambia", "GM" },
            { "The Bahamas", "BS" }, { "Hong Kong", "HK" }, { "Macau", "MO" }, { "Taiwan", "TW" },
            { "Kosovo", "XK" },
        };
        for (String[] alias : aliases) {
            CODES.put(key(alias[0]), alias[1]);
        }
    }

    private CountryNames() {
    }

    static Optional<String> code(String name) {
        String code = CODES.get(key(name));
        if (code == null && name.contains(",")) {
            code = CODES.get(key(name.substring(name.lastIndexOf(',') + 1)));
        }
        return Optional.ofNullable(code);
    }

    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('&', ' ').replace(" and ", " ").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
