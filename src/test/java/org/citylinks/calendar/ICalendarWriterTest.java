package org.citylinks.calendar;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The writer itself, without Quarkus: a day it cannot write leaves the feed up. */
class ICalendarWriterTest {

    @Test
    void anEventInAYearOfFiveDigitsIsLeftOutInsteadOfBreakingTheFeed() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        ICalendarWriter.Event fine = new ICalendarWriter.Event("visit-1@citylinks.org", LocalDate.of(2016, 3, 10),
                LocalDate.of(2016, 3, 10), "Chiang Mai in Pekalongan", null, null, null, 0, now, now, "VISIT");
        ICalendarWriter.Event far = new ICalendarWriter.Event("conference-2@citylinks.org", LocalDate.of(2023, 4, 14),
                LocalDate.of(10000, 1, 1), "Forever", null, null, null, 0, now, now, "CONFERENCE");
        String feed = ICalendarWriter.calendar("Test", List.of(fine, far));
        assertTrue(feed.contains("UID:visit-1@citylinks.org"), feed);
        assertFalse(feed.contains("conference-2"), feed);
        assertFalse(feed.contains("URL"), "no URL without a configured public address");
    }
}
