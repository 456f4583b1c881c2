package org.citylinks.ops;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application. */
@QuarkusIntegrationTest
class ObservabilityIT extends ObservabilityTest {
}
