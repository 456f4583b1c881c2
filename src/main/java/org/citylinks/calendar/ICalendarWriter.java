package org.citylinks.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an iCalendar object (RFC 5545) of all-day events: CRLF line ends, lines folded at 75
 * octets without splitting a UTF-8 character, TEXT values escaped. No METHOD is given, so each
 * event's DTSTAMP is its last change (section 3.8.7.2), which keeps the feed the same from one
 * request to the next while nothing changes.
 * <p>
 * Written by hand rather than with ical4j (which the tests use to read the feeds back and validate
 * them) because of a measurement: a full feed of 1,000 events takes about 7 ms here and 55 to 60 ms
 * with ical4j 4.2.5 on the same 2-core machine ({@code bench/calendar-writers.sh}), more than the
 * whole budget of a read, for a public feed that calendar apps poll.
 */
final class ICalendarWriter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    /**
     * One all-day event; {@code lastDay} is inclusive, as the API's dates are. With
     * {@code alarmDaysBefore}, calendar apps show a reminder that many days ahead (a VALARM).
     */
    record Event(String uid, LocalDate firstDay, LocalDate lastDay, String summary, String description,
            String location, String url, long sequence, Instant created, Instant lastModified, String category,
            Integer alarmDaysBefore) {

        Event(String uid, LocalDate firstDay, LocalDate lastDay, String summary, String description, String location,
                String url, long sequence, Instant created, Instant lastModified, String category) {
            this(uid, firstDay, lastDay, summary, description, location, url, sequence, created, lastModified, category,
                    null);
        }
    }

    private final StringBuilder out = new StringBuilder();

    private static boolean writable(LocalDate day) {
        return day.getYear() >= 0 && day.getYear() <= 9999;
    }

    static String calendar(String name, List<Event> allEvents) {
        // RFC 5545 writes a day with a four-digit year. The API refuses other years since contract
        // 1.3.0; a row stored before then is left out of the feed rather than breaking it for all.
        List<Event> events = allEvents.stream().filter(event -> writable(event.firstDay())
                && writable(event.lastDay().plusDays(1))).toList();
        ICalendarWriter writer = new ICalendarWriter();
        writer.line("BEGIN:VCALENDAR");
        writer.line("VERSION:2.0");
        writer.line("PRODID:-//CityLinks//CityLinks API//EN");
        writer.line("CALSCALE:GREGORIAN");
        writer.line("NAME:" + text(name)); // RFC 7986
        writer.line("X-WR-CALNAME:" + text(name)); // what most calendar apps read
        if (events.isEmpty()) {
            // A calendar must hold a component (section 3.6): an unused UTC time zone keeps an
            // empty feed valid, where a calendar app would otherwise refuse it.
            writer.line("BEGIN:VTIMEZONE");
            writer.line("TZID:UTC");
            writer.line("BEGIN:STANDARD");
            writer.line("DTSTART:19700101T000000");
            writer.line("TZOFFSETFROM:+0000");
            writer.line("TZOFFSETTO:+0000");
            writer.line("END:STANDARD");
            writer.line("END:VTIMEZONE");
        }
        for (Event event : events) {
            writer.event(event);
        }
        writer.line("END:VCALENDAR");
        return writer.out.toString();
    }

    private void event(Event event) {
        line("BEGIN:VEVENT");
        line("UID:" + event.uid());
        line("DTSTAMP:" + STAMP.format(event.lastModified()));
        line("DTSTART;VALUE=DATE:" + DAY.format(event.firstDay()));
        line("DTEND;VALUE=DATE:" + DAY.format(event.lastDay().plusDays(1))); // DTEND is exclusive
        line("SUMMARY:" + text(event.summary()));
        if (event.description() != null && !event.description().isBlank()) {
            line("DESCRIPTION:" + text(event.description()));
        }
        if (event.location() != null) {
            line("LOCATION:" + text(event.location()));
        }
        line("CATEGORIES:" + text(event.category()));
        if (event.url() != null) { // only an absolute URL, where the public address is configured
            line("URL;VALUE=URI:" + event.url());
        }
        line("SEQUENCE:" + event.sequence());
        line("CREATED:" + STAMP.format(event.created()));
        line("LAST-MODIFIED:" + STAMP.format(event.lastModified()));
        line("TRANSP:TRANSPARENT");
        if (event.alarmDaysBefore() != null) {
            // RFC 5545 section 3.6.6: a display alarm, relative to the start of the all-day event.
            line("BEGIN:VALARM");
            line("ACTION:DISPLAY");
            line("DESCRIPTION:" + text(event.summary()));
            line("TRIGGER:-P" + event.alarmDaysBefore() + "D");
            line("END:VALARM");
        }
        line("END:VEVENT");
    }

    /** TEXT escaping (section 3.3.11); other control characters are dropped. */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        escaped.append("\\n");
                    }
                }
                default -> {
                    if (c >= 0x20 && c != 0x7f || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** Writes one content line, folded (section 3.1): CRLF and a space before each 75-octet part. */
    private void line(String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length();) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space counts
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
