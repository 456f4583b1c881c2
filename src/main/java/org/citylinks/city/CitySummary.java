package org.citylinks.city;

import java.util.UUID;

import org.citylinks.api.model.CitySummaryDto;

/**
 * The short form of a city that other resources embed: what {@link CityDirectory} hands the other
 * features, so that their services and records hold no API model; their mappers turn it into the
 * contract's {@code CitySummary} with {@link #toDto}.
 */
public record CitySummary(UUID id, String name, String countryCode) {

    /** The contract's form of {@code summary}, or null for none. */
    public static CitySummaryDto toDto(CitySummary summary) {
        return summary == null ? null : new CitySummaryDto(summary.id(), summary.name(), summary.countryCode());
    }
}
