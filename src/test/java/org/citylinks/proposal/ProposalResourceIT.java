package org.citylinks.proposal;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application. */
@QuarkusIntegrationTest
class ProposalResourceIT extends ProposalResourceTest {
}
