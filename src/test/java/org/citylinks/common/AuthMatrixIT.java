package org.citylinks.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same matrix against the packaged application. */
@QuarkusIntegrationTest
class AuthMatrixIT extends AuthMatrixTest {
}
