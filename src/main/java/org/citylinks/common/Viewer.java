package org.citylinks.common;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Query;

/**
 * Who is asking, as far as seeing and changing records goes: the token's roles, the organisations
 * it names that exist, and the cities their city governments represent. Anonymous callers and
 * tokens that name no organisation see public records only; operators see everything.
 *
 * @param subject       the token's subject, or null when anonymous
 * @param organizations the caller's organisations
 * @param governments   the cities the caller's city governments represent, each with that organisation
 */
public record Viewer(String subject, boolean operator, boolean editor, boolean admin, Set<UUID> organizations,
        Map<UUID, UUID> governments) {

    public static final Viewer ANONYMOUS = new Viewer(null, false, false, false, Set.of(), Map.of());

    /** What {@link OrganizationMemberships} finds of the organisations a token names. */
    public record Memberships(Set<UUID> organizations, Map<UUID, UUID> governments) {
    }

    public Viewer {
        organizations = Set.copyOf(organizations);
        governments = Map.copyOf(governments);
    }

    /** The cities the caller's organisations govern. */
    public Set<UUID> cities() {
        return governments.keySet();
    }

    /** The caller's organisation that governs this city, if one does. */
    public java.util.Optional<UUID> governmentOf(UUID city) {
        return java.util.Optional.ofNullable(city == null ? null : governments.get(city));
    }

    /** Whether the caller may see the record: it is public, the caller is a party, or an operator. */
    public boolean sees(RecordAccess access) {
        return operator || access.visibility == Visibility.PUBLIC || isParty(access);
    }

    /** Whether one of the caller's organisations is the record's owner, facilitator or a city's government. */
    public boolean isParty(RecordAccess access) {
        return access.audienceOrgIds.stream().anyMatch(organizations::contains)
                || access.audienceCityIds.stream().anyMatch(governments::containsKey);
    }

    /** Whether the caller belongs to this organisation. */
    public boolean memberOf(UUID organization) {
        return organization != null && organizations.contains(organization);
    }

    /** Whether one of the caller's organisations is this city's government. */
    public boolean governs(UUID city) {
        return city != null && governments.containsKey(city);
    }

    /** Whether the caller governs any of these cities. */
    public boolean governsAny(Collection<UUID> cityIds) {
        return cityIds.stream().anyMatch(this::governs);
    }

    /**
     * The condition that keeps the rows of table {@code alias} (one with the columns of
     * {@link RecordAccess}) the caller may see, with {@code ?} for {@link #parameters()}.
     */
    public String condition(String alias) {
        if (operator) {
            return "TRUE";
        }
        if (organizations.isEmpty()) {
            return alias + ".visibility = 'PUBLIC'";
        }
        return "(" + alias + ".visibility = 'PUBLIC' OR " + alias + ".audience_org_ids && CAST(? AS uuid[]) OR "
                + alias + ".audience_city_ids && CAST(? AS uuid[]))";
    }

    /** The values of {@link #condition}'s placeholders, in order. */
    public List<Object> parameters() {
        return operator || organizations.isEmpty() ? List.of() : List.of(SqlArrays.uuids(organizations), SqlArrays.uuids(cities()));
    }

    /** As {@link #condition}, with the named parameters {@code viewer_orgs} and {@code viewer_cities}. */
    public String namedCondition(String alias) {
        if (operator || organizations.isEmpty()) {
            return condition(alias);
        }
        return "(" + alias + ".visibility = 'PUBLIC' OR " + alias + ".audience_org_ids && CAST(:viewer_orgs AS uuid[])"
                + " OR " + alias + ".audience_city_ids && CAST(:viewer_cities AS uuid[]))";
    }

    /** Binds the parameters {@link #namedCondition} used, if any. */
    public <Q extends Query> Q bind(Q query) {
        if (!operator && !organizations.isEmpty()) {
            query.setParameter("viewer_orgs", SqlArrays.uuids(organizations));
            query.setParameter("viewer_cities", SqlArrays.uuids(cities()));
        }
        return query;
    }
}
