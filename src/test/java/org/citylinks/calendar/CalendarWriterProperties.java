package org.citylinks.calendar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The calendar writer under any day and any text (the fuzz gate's part for the feeds, fixed seed):
 * it never fails, every line is CRLF-ended and folded to at most 75 octets, and a day it cannot
 * write (a year outside 0 to 9999) is left out, not written wrong.
 */
class CalendarWriterProperties {

    @Property(seed = "20261201", tries = 2000)
    void anyEventsMakeAValidlyFoldedFeed(@ForAll("days") LocalDate first, @ForAll("lengths") int days,
            @ForAll("texts") String summary, @ForAll("texts") String description) {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        LocalDate last = first.plusDays(days);
        ICalendarWriter.Event event = new ICalendarWriter.Event("visit-1@citylinks.org", first, last, summary,
                description, description, null, 1, now, now, "VISIT");
        String feed = ICalendarWriter.calendar(summary, List.of(event));
        assertTrue(feed.endsWith("END:VCALENDAR\r\n"), feed);
        for (String line : feed.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "a line over 75 octets: " + line);
            assertTrue(line.indexOf('\n') < 0 && line.indexOf('\r') < 0, "a bare line break: " + line);
        }
        boolean writable = first.getYear() >= 0 && last.plusDays(1).getYear() <= 9999;
        assertTrue(feed.contains("UID:visit-1@citylinks.org") == writable, feed);
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs().between(LocalDate.of(-100, 1, 1).toEpochDay(), LocalDate.of(10100, 1, 1).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.integers().between(0, 400);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().all().ofMaxLength(300)
                .filter(text -> text.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE));
    }
}
