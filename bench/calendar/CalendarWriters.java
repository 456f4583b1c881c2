package org.citylinks.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;

/**
 * Writes a feed of 1,000 events with the hand-written RFC 5545 writer and with ical4j (a test
 * dependency), so that the choice in ICalendarWriter stays measured. Run by bench/calendar-writers.sh.
 */
public class CalendarWriters {

    private static final int ROUNDS = 6;

    public static void main(String[] args) throws Exception {
        List<ICalendarWriter.Event> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            LocalDate day = LocalDate.of(2016, 3, 10).plusDays(i);
            events.add(new ICalendarWriter.Event("visit-" + i + "@citylinks.org", day, day.plusDays(2),
                    "Study visit " + i + " to Pekalongan", "Delegation from Chiang Mai to Pekalongan (in person).\n\nTo learn how to apply, batik, 한국어 notes.",
                    "Pekalongan, ID", "https://api.citylinks.org/v1/visits/" + i, 3, Instant.now(), Instant.now(), "Visit"));
        }
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            int size = 0;
            for (int k = 0; k < 50; k++) size += ICalendarWriter.calendar("Pekalongan (CityLinks)", events).length();
            long t1 = System.nanoTime();
            for (int k = 0; k < 50; k++) {
                Calendar calendar = new Calendar().withProdId("-//CityLinks//EN").withDefaults().getFluentTarget();
                for (ICalendarWriter.Event e : events) {
                    VEvent event = new VEvent(e.firstDay(), e.lastDay().plusDays(1), e.summary());
                    event.add(new Uid(e.uid()));
                    event.add(new Description(e.description()));
                    event.add(new Location(e.location()));
                    event.add(new Url(java.net.URI.create(e.url())));
                    event.add(new Sequence((int) e.sequence()));
                    event.add(new Categories(e.category()));
                    calendar.add(event);
                }
                java.io.StringWriter out = new java.io.StringWriter();
                new CalendarOutputter(false).output(calendar, out);
                size += out.toString().length();
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: hand-written %.2f ms/feed, ical4j %.2f ms/feed (1000 events)%n", round,
                    (t1 - t0) / 50e6, (t2 - t1) / 50e6);
        }
    }
}
