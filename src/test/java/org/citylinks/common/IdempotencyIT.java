package org.citylinks.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application. */
@QuarkusIntegrationTest
class IdempotencyIT extends IdempotencyTest {
}
