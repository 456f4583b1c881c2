package org.citylinks.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Who owns a visit, conference or proposal and who may see it (V9__organisations.sql). The
 * audience is kept on the row, as the organisations named directly (the owner, a facilitator) and
 * the cities whose governments are parties, so that every read filters with {@link Viewer#sql}.
 */
@Embeddable
public class RecordAccess {

    /** The organisation that created the record, or null for a record from before organisations. */
    @Column(name = "owner_organization_id")
    public UUID ownerOrganizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Visibility visibility = Visibility.PUBLIC;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "audience_org_ids", nullable = false, columnDefinition = "uuid[]")
    public List<UUID> audienceOrgIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "audience_city_ids", nullable = false, columnDefinition = "uuid[]")
    public List<UUID> audienceCityIds = new ArrayList<>();

    /**
     * The parties, as a representation lists them: the organisations named and the governments of
     * the cities, from {@code governments} (each city's government organisations).
     */
    public List<UUID> parties(java.util.Map<UUID, List<UUID>> governments) {
        LinkedHashSet<UUID> parties = new LinkedHashSet<>(audienceOrgIds);
        audienceCityIds.forEach(city -> parties.addAll(governments.getOrDefault(city, List.of())));
        return List.copyOf(parties);
    }

    /** Sets the audience: the owner and {@code organizations} by name, and the governments of {@code cities}. */
    public void audience(Collection<UUID> organizations, Collection<UUID> cities) {
        LinkedHashSet<UUID> orgs = new LinkedHashSet<>();
        if (ownerOrganizationId != null) {
            orgs.add(ownerOrganizationId);
        }
        organizations.stream().filter(Objects::nonNull).forEach(orgs::add);
        List<UUID> newOrgs = List.copyOf(orgs);
        List<UUID> newCities = List.copyOf(new LinkedHashSet<>(cities));
        // Assigned only when different: Hibernate would count a new list as a change of the row.
        if (!newOrgs.equals(audienceOrgIds)) {
            audienceOrgIds = new ArrayList<>(newOrgs);
        }
        if (!newCities.equals(audienceCityIds)) {
            audienceCityIds = new ArrayList<>(newCities);
        }
    }
}
