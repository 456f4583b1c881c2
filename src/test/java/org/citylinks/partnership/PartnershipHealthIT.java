package org.citylinks.partnership;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application. */
@QuarkusIntegrationTest
class PartnershipHealthIT extends PartnershipHealthTest {
}
