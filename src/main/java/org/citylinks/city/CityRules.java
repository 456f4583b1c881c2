package org.citylinks.city;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.citylinks.api.model.AlternateNameDto;
import org.citylinks.api.model.CityInputDto;
import org.citylinks.api.model.MembershipDto;
import org.citylinks.api.model.NetworkDto;
import org.citylinks.common.CodePointSize;
import org.citylinks.common.Problem;
import org.citylinks.common.ProblemException;

/**
 * The rules of a city's content beyond what the contract's schema alone can say, for the API and
 * the import alike (the import has no schema in front of it, so it also asks {@link #isName}).
 */
final class CityRules {

    /** The contract's bound on a city's name, ASCII name and region, in characters. */
    static final int MAX_TEXT = 200;

    private CityRules() {
    }

    static boolean isCountryCode(String code) {
        return org.citylinks.common.CountryCodes.isKnown(code);
    }

    /** Printable ASCII only: what {@code asciiName} may hold. */
    static boolean isAsciiText(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }

    /** A name as the contract allows it: 1 to 200 characters, not only white space, no NUL. */
    static boolean isName(String name) {
        int characters = name.codePointCount(0, name.length());
        return characters >= 1 && characters <= MAX_TEXT && !CodePointSize.isBlank(name) && name.indexOf('\0') < 0;
    }

    /** Throws a 422 naming every field of {@code input} that breaks a rule. */
    static void check(CityInputDto input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input.getAsciiName() != null && !isAsciiText(input.getAsciiName())) {
            errors.add(Problem.FieldError.atPointer("/asciiName", "must contain ASCII characters only"));
        } else if (input.getAsciiName() == null && input.getName() != null && !CodePointSize.isBlank(input.getName())
                && AsciiNames.of(input.getName()).isEmpty()) {
            errors.add(Problem.FieldError.atPointer("/asciiName",
                    "is required: name has no letters to transliterate to ASCII"));
        }
        if (input.getCountryCode() != null && !isCountryCode(input.getCountryCode())) {
            errors.add(Problem.FieldError.atPointer("/countryCode", org.citylinks.common.CountryCodes.NOT_KNOWN));
        }
        List<MembershipDto> memberships = input.getMemberships() == null ? List.of() : input.getMemberships();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < memberships.size(); i++) {
            MembershipDto membership = memberships.get(i);
            if (membership == null || membership.getNetwork() == null) {
                continue; // the schema check has named it already
            }
            boolean uccn = membership.getNetwork() == NetworkDto.UCCN;
            if (uccn && membership.getField() == null) {
                errors.add(Problem.FieldError.atPointer("/memberships/" + i + "/field",
                        "is required for a UCCN membership"));
            } else if (!uccn && membership.getField() != null) {
                errors.add(Problem.FieldError.atPointer("/memberships/" + i + "/field",
                        "is only for UCCN memberships"));
            }
            if (!seen.add(membership.getNetwork() + "/" + membership.getField())) {
                errors.add(Problem.FieldError.atPointer("/memberships/" + i,
                        "repeats a membership listed before it"));
            }
        }
        List<AlternateNameDto> alternates = input.getAlternateNames() == null ? List.of() : input.getAlternateNames();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < alternates.size(); i++) {
            AlternateNameDto alternate = alternates.get(i);
            if (alternate == null || alternate.getName() == null) {
                continue; // the schema check has named it already
            }
            // A blank or overlong name is the schema's to refuse (CodePointSize); only repeats are left.
            if (!names.add(alternate.getLanguage() + "\u0000" + alternate.getName())) {
                errors.add(Problem.FieldError.atPointer("/alternateNames/" + i,
                        "repeats a name listed before it in the same language"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
