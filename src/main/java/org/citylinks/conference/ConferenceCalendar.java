package org.citylinks.conference;

/**
 * The iCalendar feed of a conference list, which the conference resource serves and the calendar
 * feature writes; declared here and implemented there, so that calendars depend on conferences and
 * not the other way round.
 */
public interface ConferenceCalendar {

    /** The most events one feed holds: the latest ones. */
    int MAX_EVENTS = 1000;

    /** The conferences {@code search} lists (its sort, limit and cursor are not used). */
    String calendarOf(ConferenceSearch search);
}
