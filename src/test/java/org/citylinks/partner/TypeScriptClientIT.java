package org.citylinks.partner;

import java.nio.file.Path;
import java.util.Map;

import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The TypeScript client generated from the contract (typescript-fetch), compiled by the build,
 * used against the packaged service as a web team would: openapi/tests/client-e2e.ts.
 */
@QuarkusIntegrationTest
class TypeScriptClientIT {

    /**
     * The script gets an operator's token for the directory, and two city offices (made here with
     * the generated Java client) with a token each for the negotiation between them.
     */
    @Test
    void theGeneratedTypeScriptClientWorksEndToEnd() throws Exception {
        org.citylinks.client.ApiClient operator = new org.citylinks.client.ApiClient();
        operator.updateBaseUri(NodeScript.baseUrl());
        String token = TestTokens.operator();
        operator.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        var cities = new org.citylinks.client.api.CitiesApi(operator);
        var organizations = new org.citylinks.client.api.OrganizationsApi(operator);
        java.util.UUID ambon = cities.createCity(new org.citylinks.client.model.CityInput().name("Ts Ambon "
                + java.util.UUID.randomUUID().toString().substring(0, 8)).countryCode("ID"), null).getId();
        java.util.UUID metz = cities.createCity(new org.citylinks.client.model.CityInput().name("Ts Metz "
                + java.util.UUID.randomUUID().toString().substring(0, 8)).countryCode("FR"), null).getId();
        java.util.UUID ambonOffice = organizations.createOrganization(new org.citylinks.client.model.OrganizationInput()
                .name("Ambon Music Office").kind(org.citylinks.client.model.OrganizationKind.CITY_GOVERNMENT)
                .cityId(ambon), null).getId();
        java.util.UUID metzOffice = organizations.createOrganization(new org.citylinks.client.model.OrganizationInput()
                .name("Metz, international relations").kind(org.citylinks.client.model.OrganizationKind.CITY_GOVERNMENT)
                .cityId(metz), null).getId();
        NodeScript.run(Path.of("target", "typescript-client-test", "openapi", "tests", "client-e2e.js"), Map.of(
                "EDITOR_TOKEN", token,
                "AMBON_CITY", ambon.toString(), "METZ_CITY", metz.toString(),
                "AMBON_TOKEN", TestTokens.member("music@ambon.go.id", java.util.List.of(ambonOffice), "editor"),
                "METZ_TOKEN", TestTokens.member("relations@metz.fr", java.util.List.of(metzOffice), "editor")));
    }
}
