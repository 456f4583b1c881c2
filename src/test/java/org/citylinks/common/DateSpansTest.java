package org.citylinks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The span rules of visits and conferences, without the service around them. */
class DateSpansTest {

    private static final LocalDate MARCH_10 = LocalDate.of(2016, 3, 10);
    private static final LocalDate MARCH_12 = LocalDate.of(2016, 3, 12);

    @Test
    void aSpanMayNotEndBeforeItStarts() {
        assertEquals("/endDate", DateSpans.endBeforeStart(MARCH_12, MARCH_10).orElseThrow().pointer());
        assertTrue(DateSpans.endBeforeStart(MARCH_10, MARCH_10).isEmpty(), "one day");
        assertTrue(DateSpans.endBeforeStart(MARCH_10, null).isEmpty(), "no end yet");
    }

    @Test
    void aOneDaySpanMovedWithoutItsEndStaysOneDay() {
        // The Chiang Mai delegation's one-day visit to Pekalongan, moved by a patch of startDate alone.
        assertNull(DateSpans.endAfterPatch(true, false, MARCH_10, MARCH_10, MARCH_10));
        // A patch that names the end keeps it; a span of several days keeps its end; so does a patch of other fields.
        assertEquals(MARCH_12, DateSpans.endAfterPatch(true, true, MARCH_10, MARCH_10, MARCH_12));
        assertEquals(MARCH_12, DateSpans.endAfterPatch(true, false, MARCH_10, MARCH_12, MARCH_12));
        assertEquals(MARCH_10, DateSpans.endAfterPatch(false, false, MARCH_10, MARCH_10, MARCH_10));
    }
}
