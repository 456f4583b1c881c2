package org.citylinks.city;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.citylinks.api.model.CityInputDto;
import org.citylinks.api.model.MembershipDto;
import org.citylinks.api.model.NetworkDto;
import org.citylinks.common.ProblemException;
import org.junit.jupiter.api.Test;

/** A city's content rules, as the API and the import both apply them, without the service. */
class CityRulesTest {

    @Test
    void namesCountCharactersAndNeedMoreThanWhiteSpace() {
        assertTrue(CityRules.isName("Pekalongan"));
        assertTrue(CityRules.isName("\uD83C\uDFB5".repeat(200)), "200 characters, 400 UTF-16 units");
        assertFalse(CityRules.isName("a".repeat(201)));
        assertFalse(CityRules.isName(" \u00a0"));
        assertFalse(CityRules.isName(""));
        assertFalse(CityRules.isName("Nul\0City"));
    }

    @Test
    void asciiNamesAndCountryCodes() {
        assertTrue(CityRules.isAsciiText("Ich'on"));
        assertFalse(CityRules.isAsciiText("Ich\u2019\u014Fn"));
        assertTrue(CityRules.isCountryCode("ID"));
        assertTrue(CityRules.isCountryCode("XK"), "Kosovo, as the EU, CLDR and the data write it");
        assertFalse(CityRules.isCountryCode("ZZ"));
    }

    @Test
    void aUccnMembershipNeedsItsFieldAndNoMembershipIsListedTwice() {
        CityInputDto ambon = new CityInputDto().name("Ambon").countryCode("ID").memberships(List.of(
                new MembershipDto().network(NetworkDto.UCCN),
                new MembershipDto().network(NetworkDto.WCCF),
                new MembershipDto().network(NetworkDto.WCCF)));
        ProblemException refused = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> CityRules.check(ambon));
        assertEquals(List.of("/memberships/0/field", "/memberships/2"),
                refused.errors().stream().map(error -> error.pointer()).toList());
    }
}
