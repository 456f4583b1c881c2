package org.citylinks.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same generated requests against the packaged application. */
@QuarkusIntegrationTest
class GeneratedRequestsIT extends GeneratedRequestsTest {
}
