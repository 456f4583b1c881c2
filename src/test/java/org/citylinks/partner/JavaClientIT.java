package org.citylinks.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.citylinks.client.ApiClient;
import org.citylinks.client.ApiException;
import org.citylinks.client.ApiResponse;
import org.citylinks.client.api.CitiesApi;
import org.citylinks.client.api.OrganizationsApi;
import org.citylinks.client.api.ProposalsApi;
import org.citylinks.client.api.SearchApi;
import org.citylinks.client.model.City;
import org.citylinks.client.model.CityInput;
import org.citylinks.client.model.CityPage;
import org.citylinks.client.model.CityPatch;
import org.citylinks.client.model.GeoPoint;
import org.citylinks.client.model.DecisionInput;
import org.citylinks.client.model.OrganizationInput;
import org.citylinks.client.model.OrganizationKind;
import org.citylinks.client.model.ProgrammeDecision;
import org.citylinks.client.model.ProgrammeInput;
import org.citylinks.client.model.Problem;
import org.citylinks.client.model.Proposal;
import org.citylinks.client.model.ProposalInput;
import org.citylinks.client.model.ProposalStatus;
import org.citylinks.client.model.RelationshipType;
import org.citylinks.client.model.TransitionInput;
import org.citylinks.client.model.Visibility;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The Java client openapi-generator makes from the contract ({@code java}, native HTTP client;
 * generated into target/generated-test-sources, never committed), used against the packaged
 * service the way a partner's back end would use it.
 */
@QuarkusIntegrationTest
class JavaClientIT {

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(NodeScript.baseUrl());
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private static String madeUpWord() {
        StringBuilder word = new StringBuilder("Jv");
        for (int i = 0; i < 8; i++) {
            word.append("bcdfghjklmnpqrstvwxz".charAt(org.citylinks.common.TestRandom.nextInt(20)));
        }
        return word.toString();
    }

    private static Problem problem(ApiException e, ApiClient client) throws Exception {
        assertEquals("application/problem+json", e.getResponseHeaders().firstValue("Content-Type").orElse(null));
        return client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }

    @Test
    void theGeneratedJavaClientWorksEndToEnd() throws Exception {
        ApiClient editor = client(TestTokens.operator());
        ApiClient anonymous = client(null);
        CitiesApi cities = new CitiesApi(editor);
        CitiesApi publicCities = new CitiesApi(anonymous);
        String word = madeUpWord();

        ApiResponse<City> created = cities.createCityWithHttpInfo(new CityInput().name(word + " Alpha").countryCode("FR")
                .location(new GeoPoint().lat(49.12).lon(6.18)).population(1000L), UUID.randomUUID().toString());
        City city = created.getData();
        assertEquals(201, created.getStatusCode());
        String etag = created.getHeaders().get("ETag").get(0);
        assertTrue(etag.matches("\"[^\"]+\""), etag);
        assertNotEquals(null, city.getCreatedAt());

        assertTrue(publicCities.listCities(word, null, null, null, null, null, null, null, null).getItems().stream()
                .anyMatch(c -> c.getId().equals(city.getId())), "a search by name finds it");

        for (String suffix : List.of("Beta", "Gamma", "Delta", "Epsilon")) {
            cities.createCity(new CityInput().name(word + " " + suffix).countryCode("FR"), null);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            CityPage page = publicCities.listCities(word, null, null, null, null, null, null, 2, cursor);
            page.getItems().forEach(c -> seen.add(c.getName()));
            cursor = page.getNext();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(3, pages);
        assertEquals(5, new HashSet<>(seen).size(), seen.toString());
        assertEquals(5, seen.size(), seen.toString());

        ApiResponse<City> updated = cities.updateCityWithHttpInfo(city.getId(), etag,
                new CityPatch().population(2000L).region("Grand Est"));
        assertEquals(2000L, updated.getData().getPopulation());
        assertEquals("Grand Est", updated.getData().getRegion());
        String newTag = updated.getHeaders().get("ETag").get(0);
        assertNotEquals(etag, newTag);
        ApiException stale = assertThrows(ApiException.class,
                () -> cities.updateCity(city.getId(), etag, new CityPatch().population(3000L)));
        assertEquals(412, stale.getCode());
        assertEquals("https://citylinks.org/problems/precondition-failed", problem(stale, editor).getType().toString());
        assertNull(cities.updateCity(city.getId(), newTag, new CityPatch().region(null)).getRegion(),
                "null in a merge patch clears the field");

        ApiException invalid = assertThrows(ApiException.class,
                () -> cities.createCity(new CityInput().name(word + " Bad").countryCode("France"), null));
        assertEquals(422, invalid.getCode());
        assertEquals("/countryCode", problem(invalid, editor).getErrors().get(0).getPointer());
        ApiException badLimit = assertThrows(ApiException.class,
                () -> publicCities.listCities(null, null, null, null, null, null, null, 1000, null));
        assertEquals(400, badLimit.getCode());
        assertEquals("limit", problem(badLimit, anonymous).getErrors().get(0).getParameter());
        assertTrue(publicCities.listCities(word + " Bad", null, null, null, null, null, null, null, null).getItems()
                .stream().noneMatch(c -> c.getName().equals(word + " Bad")), "the invalid city was not created");

        ApiException unauthorized = assertThrows(ApiException.class,
                () -> publicCities.createCity(new CityInput().name(word + " Anon").countryCode("FR"), null));
        assertEquals(401, unauthorized.getCode());

        assertTrue(new SearchApi(anonymous).searchEverything(word, null, null, null).getItems().stream()
                .anyMatch(hit -> hit.getId().equals(city.getId())), "the global search finds it");
    }

    /**
     * Two city offices, each with its own token, negotiate through the client: the proposal stays
     * between them, and each side may do only its own part.
     */
    @Test
    void twoOrganisationsNegotiateThroughTheGeneratedClient() throws Exception {
        ApiClient operator = client(TestTokens.operator());
        String word = madeUpWord();
        UUID ambon = new CitiesApi(operator).createCity(new CityInput().name(word + " Ambon").countryCode("ID"), null).getId();
        UUID metz = new CitiesApi(operator).createCity(new CityInput().name(word + " Metz").countryCode("FR"), null).getId();
        OrganizationsApi organizations = new OrganizationsApi(operator);
        UUID ambonOffice = organizations.createOrganization(new OrganizationInput().name("Ambon Music Office")
                .kind(OrganizationKind.CITY_GOVERNMENT).cityId(ambon), null).getId();
        UUID metzOffice = organizations.createOrganization(new OrganizationInput().name("Metz, international relations")
                .kind(OrganizationKind.CITY_GOVERNMENT).cityId(metz), null).getId();
        ProposalsApi asAmbon = new ProposalsApi(client(TestTokens.member("music@ambon.go.id", List.of(ambonOffice), "editor")));
        ProposalsApi asMetz = new ProposalsApi(client(TestTokens.member("relations@metz.fr", List.of(metzOffice), "editor")));

        Proposal proposal = asAmbon.createProposal(new ProposalInput().title("Cities of Music").proposerCityId(ambon)
                .partnerCityId(metz).relationshipType(RelationshipType.THEMATIC_PARTNERSHIP)
                .programmes(List.of(new ProgrammeInput().number(1).title("Music teacher exchange"))), null);
        assertEquals(Visibility.PARTIES, proposal.getVisibility());
        assertEquals(ambonOffice, proposal.getOwnerOrganizationId());
        ApiException hidden = assertThrows(ApiException.class,
                () -> new ProposalsApi(client(null)).getProposal(proposal.getId(), null));
        assertEquals(404, hidden.getCode());
        assertEquals(metz, asMetz.getProposal(proposal.getId(), null).getPartnerCityId());

        asAmbon.transitionProposal(proposal.getId(), new TransitionInput().to(ProposalStatus.SUBMITTED), null, null);
        ApiException wrongSide = assertThrows(ApiException.class, () -> asAmbon.decideProgramme(proposal.getId(), 1,
                new DecisionInput().decision(ProgrammeDecision.ACCEPTED), null));
        assertEquals(403, wrongSide.getCode());
        assertTrue(problem(wrongSide, operator).getDetail().contains("partner's side"), wrongSide.getResponseBody());
        assertEquals(ProgrammeDecision.ACCEPTED, asMetz.decideProgramme(proposal.getId(), 1,
                new DecisionInput().decision(ProgrammeDecision.ACCEPTED), null).getProgrammes().get(0).getDecision());
    }
}
