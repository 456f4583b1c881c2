package org.citylinks.visit;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a client asked of the visit list.
 *
 * @param text       the {@code q} words, or null
 * @param cityId     only visits this city sent or hosted, or null
 * @param fromCityId only visits this city sent, or null
 * @param toCityId   only visits this city hosted, or null
 * @param from       only visits ending on or after this day, or null
 * @param to         only visits starting on or before this day, or null
 * @param mode       only visits held this way, or null
 * @param topic      only visits with this topic, or null
 * @param sort       the {@code sort} parameter, or null for the default
 */
public record VisitSearch(String text, UUID cityId, UUID fromCityId, UUID toCityId, LocalDate from, LocalDate to,
        VisitMode mode, String topic, String sort, int limit, String cursor) {
}
