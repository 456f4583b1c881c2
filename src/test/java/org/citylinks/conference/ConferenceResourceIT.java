package org.citylinks.conference;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application. */
@QuarkusIntegrationTest
class ConferenceResourceIT extends ConferenceResourceTest {
}
