package org.citylinks.changes;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application. */
@QuarkusIntegrationTest
class ChangeFeedIT extends ChangeFeedTest {
}
