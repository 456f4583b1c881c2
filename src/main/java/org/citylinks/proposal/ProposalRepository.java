package org.citylinks.proposal;

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
import org.citylinks.common.SqlArrays;
import org.citylinks.common.TextMatch;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes proposals and their history; the list runs as keyset-paged SQL. */
@ApplicationScoped
public class ProposalRepository implements PanacheRepositoryBase<Proposal, UUID> {

    @Inject
    SearchVocabulary vocabulary;

    private static final Map<String, SortField> SORTS = Map.of(
            "title", new SortField("citylinks_normalize(pr.title)", "text"),
            "createdAt", new SortField("pr.created_at", "timestamptz"),
            "updatedAt", new SortField("pr.updated_at", "timestamptz"));

    record Result(List<Proposal> proposals, String next) {
    }

    Result search(ProposalSearch search, org.citylinks.common.Viewer viewer) {
        KeysetQuery.Page page = TextMatch.page(search.text(), match -> query(search, match, viewer), getEntityManager(),
                vocabulary, search.cursor(), search.limit());
        return new Result(page.load(getEntityManager(), Proposal.class), page.next());
    }

    private static KeysetQuery query(ProposalSearch search, TextMatch.Match match, org.citylinks.common.Viewer viewer) {
        KeysetQuery query = TextMatch.query("pr.id", "proposal", "pr", match);
        query.where(viewer.condition("pr"), viewer.parameters().toArray());
        if (search.text() != null) {
            query.where(TextMatch.condition("pr", match));
        }
        if (search.cityId() != null) {
            query.where("pr.proposer_city_id = ? OR pr.partner_city_id = ?", search.cityId(), search.cityId());
        }
        if (search.status() != null) {
            query.where("pr.status = ?", search.status().name());
        }
        if (search.field() != null) {
            query.where("pr.fields @> ARRAY[CAST(? AS text)]", search.field());
        }
        if (search.relationshipType() != null) {
            query.where("pr.relationship_type = ?", search.relationshipType().name());
        }
        if (search.sort() == null && search.text() != null) {
            query.orderBy(List.of(TextMatch.relevance("pr"), KeysetQuery.SortKey.asc("pr.id", "uuid")));
        } else {
            query.orderBy(KeysetQuery.sortKeys(SORTS, search.sort() == null ? "-updatedAt" : search.sort(), "pr.id"));
        }
        return query;
    }

    Optional<Proposal> findWithProgrammes(UUID id) {
        return find("SELECT p FROM Proposal p LEFT JOIN FETCH p.programmes WHERE p.id = ?1", id).singleResultOptional();
    }

    /** The history of each of these proposals, oldest move first. */
    Map<UUID, List<ProposalEvent>> history(List<UUID> proposalIds) {
        Map<UUID, List<ProposalEvent>> history = new java.util.HashMap<>();
        proposalIds.forEach(id -> history.put(id, new ArrayList<>()));
        if (!proposalIds.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<ProposalEvent> events = getEntityManager().createNativeQuery(
                    "SELECT * FROM proposal_event WHERE proposal_id = ANY(CAST(?1 AS uuid[])) ORDER BY id", ProposalEvent.class)
                    .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedEntityClass(ProposalEvent.class)
                    .setParameter(1, SqlArrays.uuids(proposalIds)).getResultList();
            events.forEach(event -> history.get(event.proposalId).add(event));
        }
        return history;
    }

    /** How many visits and partnerships refer to the proposal; kinds with none are left out. */
    Map<String, Long> references(UUID proposalId) {
        Object[] counts = (Object[]) getEntityManager().createNativeQuery(
                "SELECT (SELECT count(*) FROM visit WHERE proposal_id = :id),"
                        + " (SELECT count(*) FROM partnership WHERE source_proposal_id = :id)")
                .setParameter("id", proposalId).getSingleResult();
        Map<String, Long> references = new java.util.LinkedHashMap<>();
        if (((Number) counts[0]).longValue() > 0) {
            references.put("visits", ((Number) counts[0]).longValue());
        }
        if (((Number) counts[1]).longValue() > 0) {
            references.put("partnerships", ((Number) counts[1]).longValue());
        }
        return references;
    }

    /** Takes the row's lock for the rest of the transaction (nothing when there is no such row). */
    void lock(UUID id) {
        getEntityManager().createNativeQuery("SELECT id FROM proposal WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
    }

    /** Whether there is a proposal with this id. */
    public boolean exists(UUID id) {
        return count("id", id) > 0;
    }
}
