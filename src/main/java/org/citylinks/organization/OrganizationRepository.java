package org.citylinks.organization;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.citylinks.common.KeysetQuery;
import org.citylinks.common.SqlArrays;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes organisations; the list runs as keyset-paged SQL by name. */
@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    record Result(List<Organization> organizations, String next) {
    }

    Result search(OrganizationSearch search) {
        KeysetQuery query = new KeysetQuery("o.id", "organization o");
        if (search.text() != null) {
            query.where("citylinks_normalize(o.name) LIKE '%' || citylinks_normalize(CAST(? AS text)) || '%'",
                    search.text());
        }
        if (search.kind() != null) {
            query.where("o.kind = ?", search.kind().name());
        }
        if (search.cityId() != null) {
            query.where("o.city_id = ?", search.cityId());
        }
        query.orderBy(List.of(KeysetQuery.SortKey.asc("citylinks_normalize(o.name)", "text"),
                KeysetQuery.SortKey.asc("o.id", "uuid")));
        KeysetQuery.Page page = query.run(getEntityManager(), search.cursor(), search.limit());
        return new Result(page.load(getEntityManager(), Organization.class), page.next());
    }

    /** The organisations among {@code ids} that exist, with the city each city government represents. */
    @SuppressWarnings("unchecked")
    List<Object[]> existing(Set<UUID> ids) {
        return getEntityManager().createNativeQuery("SELECT id, city_id FROM organization WHERE id = ANY(CAST(?1 AS uuid[]))")
                .setParameter(1, SqlArrays.uuids(ids))
                .getResultList();
    }

    /** The city governments of each of these cities, oldest first. */
    java.util.Map<UUID, List<UUID>> governmentsOf(java.util.Collection<UUID> cities) {
        java.util.Map<UUID, List<UUID>> governments = new java.util.HashMap<>();
        if (cities.isEmpty()) {
            return governments;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("SELECT city_id, id FROM organization"
                + " WHERE city_id = ANY(CAST(?1 AS uuid[])) ORDER BY created_at, id")
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedEntityClass(Organization.class)
                .setParameter(1, SqlArrays.uuids(cities)).getResultList();
        rows.forEach(row -> governments.computeIfAbsent((UUID) row[0], c -> new java.util.ArrayList<>()).add((UUID) row[1]));
        return governments;
    }

    /** Whether some city government represents this city. */
    boolean cityHasGovernment(UUID cityId) {
        return count("cityId", cityId) > 0;
    }

    /** The records that still refer to the organisation, by kind; kinds with none are left out. */
    Map<String, Long> references(UUID id) {
        Object[] counts = (Object[]) getEntityManager().createNativeQuery("""
                SELECT (SELECT count(*) FROM visit WHERE owner_organization_id = :id),
                       (SELECT count(*) FROM conference WHERE owner_organization_id = :id),
                       (SELECT count(*) FROM proposal WHERE owner_organization_id = :id OR facilitator_organization_id = :id),
                       (SELECT count(*) FROM proposal_signature WHERE organization_id = :id),
                       (SELECT count(*) FROM city WHERE owner_organization_id = :id)""")
                .setParameter("id", id).getSingleResult();
        String[] kinds = { "visits", "conferences", "proposals", "signatures", "cities" };
        Map<String, Long> references = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kinds.length; i++) {
            long count = ((Number) counts[i]).longValue();
            if (count > 0) {
                references.put(kinds[i], count);
            }
        }
        return references;
    }
}
