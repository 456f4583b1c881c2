package org.citylinks.calendar;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application. */
@QuarkusIntegrationTest
class CalendarIT extends CalendarTest {
}
