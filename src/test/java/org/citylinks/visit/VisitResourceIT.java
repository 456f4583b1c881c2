package org.citylinks.visit;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application. */
@QuarkusIntegrationTest
class VisitResourceIT extends VisitResourceTest {
}
