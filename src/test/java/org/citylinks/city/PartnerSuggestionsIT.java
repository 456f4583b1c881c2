package org.citylinks.city;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application. */
@QuarkusIntegrationTest
class PartnerSuggestionsIT extends PartnerSuggestionsTest {
}
