package org.citylinks.partnership;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.citylinks.common.KeysetQuery;
import org.citylinks.common.KeysetQuery.SortField;
import org.citylinks.common.SearchVocabulary;
import org.citylinks.common.TextMatch;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes partnerships; lists run as keyset-paged SQL. */
@ApplicationScoped
public class PartnershipRepository implements PanacheRepositoryBase<Partnership, UUID> {

    @Inject
    SearchVocabulary vocabulary;

    private static final Map<String, SortField> SORTS = Map.of(
            "since", new SortField("coalesce(pa.since, '')", "text"),
            "createdAt", new SortField("pa.created_at", "timestamptz"),
            "updatedAt", new SortField("pa.updated_at", "timestamptz"));

    record Result(List<Partnership> partnerships, String next) {
    }

    Result search(PartnershipSearch search) {
        KeysetQuery.Page page = TextMatch.page(search.text(), match -> query(search, match), getEntityManager(),
                vocabulary, search.cursor(), search.limit());
        return new Result(page.load(getEntityManager(), Partnership.class), page.next());
    }

    private static KeysetQuery query(PartnershipSearch search, TextMatch.Match match) {
        KeysetQuery query = TextMatch.query("pa.id", "partnership", "pa", match);
        if (search.text() != null) {
            query.where(TextMatch.condition("pa", match));
        }
        if (search.cityId() != null) {
            query.where("pa.city_a_id = ? OR pa.city_b_id = ?", search.cityId(), search.cityId());
        }
        if (search.relationshipType() != null) {
            query.where("pa.relationship_type = ?", search.relationshipType().name());
        }
        if (search.status() != null) {
            query.where("pa.status = ?", search.status().name());
        }
        if (search.health() != null) {
            query.where("pa.health = ?", search.health().name());
        }
        if (search.agreementStatus() != null) {
            query.where("pa.agreement_status = ?", search.agreementStatus().name());
        }
        if (search.expiresBefore() != null) {
            query.where("pa.valid_until < ?", search.expiresBefore());
        }
        if (search.field() != null) {
            query.where("pa.fields @> ARRAY[CAST(? AS text)]", search.field());
        }
        if (search.sort() == null && search.text() != null) {
            query.orderBy(List.of(TextMatch.relevance("pa"), KeysetQuery.SortKey.asc("pa.id", "uuid")));
        } else {
            query.orderBy(KeysetQuery.sortKeys(SORTS, search.sort() == null ? "-since" : search.sort(), "pa.id"));
        }
        return query;
    }

    /** One partner of a city: the partnership and the city at its other end. */
    record Partner(UUID partnershipId, UUID cityId, String cityName, String cityCountryCode, RelationshipType type,
            List<String> fields, String since, PartnershipStatus status) {
    }

    /** A page of a city's partners, by the partner's name, and the next cursor. */
    record PartnerPage(List<Partner> partners, String next) {
    }

    PartnerPage partnersOf(UUID cityId, RelationshipType type, PartnershipStatus status, int limit, String cursor) {
        KeysetQuery query = new KeysetQuery(
                "pa.id, o.id AS partner_id, o.name AS partner_name, o.country_code AS partner_country_code,"
                        + " pa.relationship_type, array_to_string(pa.fields, ',') AS fields, pa.since, pa.status",
                "partnership pa JOIN city o ON o.id = CASE WHEN pa.city_a_id = ? THEN pa.city_b_id ELSE pa.city_a_id END",
                cityId);
        query.where("pa.city_a_id = ? OR pa.city_b_id = ?", cityId, cityId);
        if (type != null) {
            query.where("pa.relationship_type = ?", type.name());
        }
        if (status != null) {
            query.where("pa.status = ?", status.name());
        }
        query.orderBy(List.of(KeysetQuery.SortKey.asc("o.sort_name", "text"), KeysetQuery.SortKey.asc("pa.id", "uuid")));
        KeysetQuery.Page page = query.run(getEntityManager(), cursor, limit);
        List<Partner> partners = new ArrayList<>();
        for (KeysetQuery.Row row : page.rows()) {
            String fields = row.text("fields");
            partners.add(new Partner(row.uuid("id"), row.uuid("partner_id"), row.text("partner_name"),
                    row.text("partner_country_code"), RelationshipType.valueOf(row.text("relationship_type")),
                    fields.isEmpty() ? List.of() : List.of(fields.split(",")), row.text("since"),
                    PartnershipStatus.valueOf(row.text("status"))));
        }
        return new PartnerPage(partners, page.next());
    }

    /** An agreement's last day, with the partner city at the other end. */
    record AgreementEnd(UUID partnershipId, String partnerName, String partnerCountryCode, RelationshipType type,
            java.time.LocalDate validUntil, long version, java.time.Instant createdAt, java.time.Instant updatedAt) {
    }

    List<AgreementEnd> agreementEndsOf(UUID cityId, java.time.LocalDate from, java.time.LocalDate to, int max) {
        KeysetQuery query = new KeysetQuery("pa.id, o.name AS partner_name, o.country_code AS partner_country_code,"
                + " pa.relationship_type, pa.valid_until, pa.version, pa.created_at, pa.updated_at",
                "partnership pa JOIN city o ON o.id = CASE WHEN pa.city_a_id = ? THEN pa.city_b_id ELSE pa.city_a_id END",
                cityId);
        query.where("pa.city_a_id = ? OR pa.city_b_id = ?", cityId, cityId);
        query.where("pa.valid_until IS NOT NULL");
        if (from != null) {
            query.where("pa.valid_until >= ?", from);
        }
        if (to != null) {
            query.where("pa.valid_until <= ?", to);
        }
        query.orderBy(List.of(KeysetQuery.SortKey.desc("pa.valid_until", "date"), KeysetQuery.SortKey.asc("pa.id", "uuid")));
        List<AgreementEnd> ends = new ArrayList<>();
        for (KeysetQuery.Row row : query.run(getEntityManager(), null, max).rows()) {
            ends.add(new AgreementEnd(row.uuid("id"), row.text("partner_name"), row.text("partner_country_code"),
                    RelationshipType.valueOf(row.text("relationship_type")), row.date("valid_until"),
                    row.number("version"), row.instant("created_at"), row.instant("updated_at")));
        }
        return ends;
    }

    /** Another partnership of the same two cities and type, if there is one. */
    Optional<Partnership> samePairAndType(Partnership partnership) {
        return find("cityAId = ?1 AND cityBId = ?2 AND relationshipType = ?3 AND id <> ?4", partnership.cityAId,
                partnership.cityBId, partnership.relationshipType, partnership.id).firstResultOptional();
    }

    /** The partnerships these signed proposals created, by proposal id. */
    public Map<UUID, UUID> fromProposals(List<UUID> proposalIds) {
        Map<UUID, UUID> created = new java.util.HashMap<>();
        if (!proposalIds.isEmpty()) {
            list("sourceProposalId IN ?1", proposalIds).forEach(p -> created.put(p.sourceProposalId, p.id));
        }
        return created;
    }

    /** The partnership a signed proposal created, if any. */
    public Optional<Partnership> fromProposal(UUID proposalId) {
        return find("sourceProposalId", proposalId).firstResultOptional();
    }
}
