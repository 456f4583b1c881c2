package org.citylinks.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same hostile input against the packaged application. */
@QuarkusIntegrationTest
class HostileInputIT extends HostileInputTest {
}
