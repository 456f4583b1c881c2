package org.citylinks.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same races against the packaged application. */
@QuarkusIntegrationTest
class RacesIT extends RacesTest {
}
