package org.citylinks.city;

import java.util.UUID;

import org.citylinks.api.model.PartnerPageDto;

/**
 * A city's partners, which the city resource serves and the partnership feature answers. The city
 * feature declares it and the partnership feature implements it, so that partnerships depend on
 * cities and not the other way round.
 */
public interface CityPartnerList {

    /**
     * A page of the city's partners; {@code relationshipType} and {@code status} as the client wrote
     * them (null for any), a 400 naming the parameter when one is not a known value.
     */
    PartnerPageDto partnersOf(UUID cityId, String relationshipType, String status, int limit, String cursor);
}
