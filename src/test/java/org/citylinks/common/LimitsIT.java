package org.citylinks.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same limits against the packaged application. */
@QuarkusIntegrationTest
class LimitsIT extends LimitsTest {
}
