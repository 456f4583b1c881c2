package org.citylinks.search;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application. */
@QuarkusIntegrationTest
class GlobalSearchIT extends GlobalSearchTest {
}
