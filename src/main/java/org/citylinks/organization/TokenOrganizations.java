package org.citylinks.organization;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.citylinks.city.CityGovernments;
import org.citylinks.common.OrganizationMemberships;
import org.citylinks.common.Viewer;

/**
 * What the organisations a token names amount to: those that exist (an id of a deleted or unknown
 * organisation grants nothing) and the cities their city governments represent.
 */
@ApplicationScoped
public class TokenOrganizations implements OrganizationMemberships, CityGovernments {

    @Inject
    OrganizationRepository organizations;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Viewer.Memberships resolve(Set<UUID> claimed) {
        Set<UUID> found = new HashSet<>();
        java.util.Map<UUID, UUID> governments = new java.util.HashMap<>();
        for (Object[] row : organizations.existing(claimed)) {
            found.add((UUID) row[0]);
            if (row[1] != null) {
                governments.putIfAbsent((UUID) row[1], (UUID) row[0]);
            }
        }
        return new Viewer.Memberships(found, governments);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<UUID, java.util.List<UUID>> governmentsOf(java.util.Collection<UUID> cities) {
        return organizations.governmentsOf(cities);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasGovernment(UUID cityId) {
        return organizations.cityHasGovernment(cityId);
    }
}
