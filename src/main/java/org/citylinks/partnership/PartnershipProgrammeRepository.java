package org.citylinks.partnership;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.citylinks.common.KeysetQuery;
import org.citylinks.common.Viewer;

/**
 * Reads and writes programmes and their evidence. The evidence is read from the visit and
 * conference tables by SQL: the partnership feature sits below those features (README,
 * Architecture) and needs only a title and two dates of each.
 */
@ApplicationScoped
public class PartnershipProgrammeRepository {

    /** A visit or conference that serves a programme, as readers see it. */
    record Evidence(boolean visit, UUID id, String title, LocalDate startDate, LocalDate endDate) {
    }

    /** A record offered as evidence: what it is, and whether it is between the partnership's cities. */
    record Candidate(Evidence evidence, boolean servesPair) {
    }

    /** A page of programme numbers. */
    record NumberPage(List<Integer> numbers, String next) {
    }

    // What may serve a programme of the partnership between cities :a and :b: a visit between them
    // either way, a conference both take part in. Read again on every read, so a visit moved to
    // other cities since it was linked stops counting.
    private static final String VISIT_BETWEEN = "((v.from_city_id = :a AND v.to_city_id = :b)"
            + " OR (v.from_city_id = :b AND v.to_city_id = :a))";
    private static final String CONFERENCE_OF_BOTH = "(c.host_city_id = :a OR EXISTS (SELECT 1 FROM conference_participant"
            + " cp WHERE cp.conference_id = c.id AND cp.city_id = :a)) AND (c.host_city_id = :b OR EXISTS (SELECT 1"
            + " FROM conference_participant cp WHERE cp.conference_id = c.id AND cp.city_id = :b))";

    @Inject
    EntityManager em;

    NumberPage numbers(UUID partnershipId, ProgrammeStatus status, int limit, String cursor) {
        KeysetQuery query = new KeysetQuery("pp.number", "partnership_programme pp");
        query.where("pp.partnership_id = ?", partnershipId);
        if (status != null) {
            query.where("pp.status = ?", status.name());
        }
        query.orderBy(List.of(KeysetQuery.SortKey.asc("pp.number", "integer")));
        KeysetQuery.Page page = query.run(em, cursor, limit);
        return new NumberPage(page.rows().stream().map(row -> row.number("number").intValue()).toList(), page.next());
    }

    List<PartnershipProgramme> load(UUID partnershipId, List<Integer> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return em.createQuery("FROM PartnershipProgramme WHERE partnershipId = ?1 AND number IN ?2 ORDER BY number",
                PartnershipProgramme.class).setParameter(1, partnershipId).setParameter(2, numbers).getResultList();
    }

    int lastNumber(UUID partnershipId) {
        Number last = (Number) em.createNativeQuery("SELECT coalesce(max(number), 0) FROM partnership_programme"
                + " WHERE partnership_id = ?1").setParameter(1, partnershipId).getSingleResult();
        return last.intValue();
    }

    /** The evidence of these programmes that {@code viewer} may see and that still joins the pair, earliest first. */
    Map<Integer, List<Evidence>> evidence(Partnership partnership, List<Integer> numbers, Viewer viewer) {
        Map<Integer, List<Evidence>> byNumber = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return byNumber;
        }
        Query query = em.createNativeQuery("SELECT e.number, true, v.id, v.title, v.start_date, v.end_date"
                + " FROM programme_evidence e JOIN visit v ON v.id = e.visit_id"
                + " WHERE e.partnership_id = :partnership AND e.number IN (:numbers) AND " + VISIT_BETWEEN
                + " AND " + viewer.namedCondition("v")
                + " UNION ALL SELECT e.number, false, c.id, c.name, c.start_date, c.end_date"
                + " FROM programme_evidence e JOIN conference c ON c.id = e.conference_id"
                + " WHERE e.partnership_id = :partnership AND e.number IN (:numbers) AND " + CONFERENCE_OF_BOTH
                + " AND " + viewer.namedCondition("c")
                + " ORDER BY 5, 3");
        query.setParameter("partnership", partnership.id).setParameter("numbers", numbers)
                .setParameter("a", partnership.cityAId).setParameter("b", partnership.cityBId);
        viewer.bind(query);
        for (Object row : query.getResultList()) {
            Object[] values = (Object[]) row;
            byNumber.computeIfAbsent(((Number) values[0]).intValue(), n -> new ArrayList<>()).add(evidenceOf(values, 1));
        }
        return byNumber;
    }

    /** The visit or conference {@code viewer} may see with this id, if there is one. */
    Optional<Candidate> candidate(boolean visit, UUID id, Partnership partnership, Viewer viewer) {
        Query query = em.createNativeQuery(visit
                ? "SELECT true, v.id, v.title, v.start_date, v.end_date, " + VISIT_BETWEEN
                        + " FROM visit v WHERE v.id = :id AND " + viewer.namedCondition("v")
                : "SELECT false, c.id, c.name, c.start_date, c.end_date, " + CONFERENCE_OF_BOTH
                        + " FROM conference c WHERE c.id = :id AND " + viewer.namedCondition("c"));
        query.setParameter("id", id).setParameter("a", partnership.cityAId).setParameter("b", partnership.cityBId);
        viewer.bind(query);
        List<?> rows = query.getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] values = (Object[]) rows.get(0);
        return Optional.of(new Candidate(evidenceOf(values, 0), Boolean.TRUE.equals(values[5])));
    }

    boolean isEvidence(UUID partnershipId, int number, UUID recordId) {
        return !em.createNativeQuery("SELECT 1 FROM programme_evidence WHERE partnership_id = ?1 AND number = ?2"
                + " AND record_id = ?3").setParameter(1, partnershipId).setParameter(2, number)
                .setParameter(3, recordId).getResultList().isEmpty();
    }

    long evidenceCount(UUID partnershipId, int number) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM programme_evidence WHERE partnership_id = ?1"
                + " AND number = ?2").setParameter(1, partnershipId).setParameter(2, number).getSingleResult()).longValue();
    }

    void link(UUID partnershipId, int number, boolean visit, UUID recordId, String user) {
        em.createNativeQuery("INSERT INTO programme_evidence (partnership_id, number, " + (visit ? "visit_id" : "conference_id")
                + ", added_at, added_by) VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, partnershipId)
                .setParameter(2, number).setParameter(3, recordId)
                .setParameter(4, Instant.now().truncatedTo(ChronoUnit.MICROS)).setParameter(5, user).executeUpdate();
    }

    boolean unlink(UUID partnershipId, int number, UUID recordId) {
        return em.createNativeQuery("DELETE FROM programme_evidence WHERE partnership_id = ?1 AND number = ?2"
                + " AND record_id = ?3").setParameter(1, partnershipId).setParameter(2, number)
                .setParameter(3, recordId).executeUpdate() > 0;
    }

    private static Evidence evidenceOf(Object[] values, int from) {
        return new Evidence(Boolean.TRUE.equals(values[from]), (UUID) values[from + 1], (String) values[from + 2],
                date(values[from + 3]), date(values[from + 4]));
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
