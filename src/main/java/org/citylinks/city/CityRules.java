package org.citylinks.city;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.citylinks.api.model.CityInputDto;
import org.citylinks.api.model.MembershipDto;
import org.citylinks.api.model.NetworkDto;
import org.citylinks.common.CodePointSize;
import org.citylinks.common.Problem;
import org.citylinks.common.ProblemException;

/** The rules of a city's content beyond what the contract's schema alone can say. */
final class CityRules {

    private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());

    private CityRules() {
    }

    /** Throws a 422 naming every field of {@code input} that breaks a rule. */
    static void check(CityInputDto input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input.getAsciiName() != null && !input.getAsciiName().chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            errors.add(Problem.FieldError.atPointer("/asciiName", "must contain ASCII characters only"));
        } else if (input.getAsciiName() == null && input.getName() != null && !CodePointSize.isBlank(input.getName())
                && AsciiNames.of(input.getName()).isEmpty()) {
            errors.add(Problem.FieldError.atPointer("/asciiName",
                    "is required: name has no letters to transliterate to ASCII"));
        }
        if (input.getCountryCode() != null && !COUNTRY_CODES.contains(input.getCountryCode())) {
            errors.add(Problem.FieldError.atPointer("/countryCode", "is not an ISO 3166-1 alpha-2 country code"));
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
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
