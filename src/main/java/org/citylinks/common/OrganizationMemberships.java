package org.citylinks.common;

import java.util.Set;
import java.util.UUID;

/**
 * Resolves the organisations a token names into those that exist and the cities they govern.
 * Implemented by the organisation feature; declared here so that every feature can ask who is
 * calling without depending on it.
 */
public interface OrganizationMemberships {

    /** The organisations among {@code claimed} that exist, and the cities the city governments among them represent. */
    Viewer.Memberships resolve(Set<UUID> claimed);

    /** The city governments among the organisations of each of these cities (a city without one is left out). */
    java.util.Map<UUID, java.util.List<UUID>> governmentsOf(java.util.Collection<UUID> cities);

    /** Whether this id names an organisation. */
    default boolean exists(UUID id) {
        return id != null && resolve(Set.of(id)).organizations().contains(id);
    }
}
