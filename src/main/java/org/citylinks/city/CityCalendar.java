package org.citylinks.city;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A city's iCalendar feed, which the city resource serves and the calendar feature writes. The
 * city feature declares it and the calendar feature implements it, so that calendars depend on
 * cities and not the other way round.
 */
public interface CityCalendar {

    /** The feed of the city's visits and conferences from {@code from} to {@code to}; 404 without the city. */
    String calendarOf(UUID cityId, LocalDate from, LocalDate to);
}
