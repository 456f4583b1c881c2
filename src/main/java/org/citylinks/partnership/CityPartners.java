package org.citylinks.partnership;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.citylinks.api.model.PartnerPageDto;
import org.citylinks.city.CityPartnerList;
import org.citylinks.common.QueryParameterFormats;

/** The partners of a city, for the city resource (see {@link CityPartnerList}). */
@ApplicationScoped
class CityPartners implements CityPartnerList {

    @Inject
    PartnershipService partnerships;

    @Override
    public PartnerPageDto partnersOf(UUID cityId, String relationshipType, String status, int limit, String cursor) {
        return partnerships.partnersOf(cityId,
                QueryParameterFormats.enumValue(RelationshipType.class, "relationshipType", relationshipType),
                QueryParameterFormats.enumValue(PartnershipStatus.class, "status", status), limit, cursor);
    }
}
