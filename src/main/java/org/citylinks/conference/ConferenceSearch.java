package org.citylinks.conference;

import java.time.LocalDate;
import java.util.UUID;

import org.citylinks.city.Network;

/**
 * What a client asked of the conference list.
 *
 * @param text              the {@code q} words, or null
 * @param hostCityId        only conferences this city hosts, or null
 * @param participantCityId only conferences this city takes part in, or null
 * @param from              only conferences ending on or after this day, or null
 * @param to                only conferences starting on or before this day, or null
 * @param topic             only conferences with this topic, or null
 * @param network           only conferences of this network, or null
 * @param sort              the {@code sort} parameter, or null for the default
 */
public record ConferenceSearch(String text, UUID hostCityId, UUID participantCityId, LocalDate from, LocalDate to,
        String topic, Network network, String sort, int limit, String cursor) {
}
