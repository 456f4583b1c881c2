package org.citylinks.imports;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same imports against the packaged application. */
@QuarkusIntegrationTest
class ImportIT extends ImportTest {
}
