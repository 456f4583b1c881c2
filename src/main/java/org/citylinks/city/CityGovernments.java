package org.citylinks.city;

import java.util.UUID;

/** Whether a city has a government among the organisations; answered by the organisation feature. */
public interface CityGovernments {

    boolean hasGovernment(UUID cityId);
}
