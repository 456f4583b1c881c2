package org.citylinks.partnership;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.citylinks.api.model.PartnershipRenewalInputDto;
import org.citylinks.common.CurrentUser;
import org.citylinks.common.EntityTags;
import org.citylinks.common.KeysetQuery;
import org.citylinks.common.Problem;
import org.citylinks.common.ProblemException;
import org.citylinks.common.ProblemType;

/**
 * A partnership's agreement after the signing: its renewals, each of which moves the agreement's
 * last day. Each public method is one transaction; reads join none.
 */
@ApplicationScoped
@Transactional
public class PartnershipAgreements {

    @Inject
    PartnershipRepository partnerships;

    @Inject
    EntityManager em;

    @Inject
    CurrentUser current;

    /** A renewal and the partnership's version after it. */
    record Renewed(PartnershipRenewal renewal, long version) {
    }

    /** A page of renewals, the latest first. */
    record Page(List<PartnershipRenewal> renewals, String next) {
    }

    Renewed renew(UUID partnershipId, String ifMatch, PartnershipRenewalInputDto input, String user) {
        // Locked: two renewals at once must each start from the end the other left.
        Partnership partnership = partnerships.findByIdOptional(partnershipId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("partnership", partnershipId));
        PartnershipPermissions.checkParty(current.viewer(), List.of(partnership.cityAId, partnership.cityBId));
        EntityTags.requireMatchIfPresent(ifMatch, partnership.version);
        if (partnership.validUntil == null) {
            throw ProblemException.conflict(partnership.agreementStatus == AgreementStatus.NOT_RECORDED
                    ? "The partnership's agreement has no last day recorded: set validUntil on the partnership first."
                    : "The partnership's agreement is open-ended: there is nothing to renew.", "/validUntil",
                    "the agreement has no last day to move on");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate renewedOn = input.getRenewedOn();
        LocalDate start = partnership.signedOn != null ? partnership.signedOn : partnership.inForceFrom;
        if (start != null && renewedOn.isBefore(start)) {
            errors.add(Problem.FieldError.atPointer("/renewedOn", "must not be before the agreement was "
                    + (partnership.signedOn != null ? "signed (" + partnership.signedOn : "in force (" + start) + ")"));
        }
        LocalDate validUntil = input.getValidUntil();
        if (validUntil != null && !validUntil.isAfter(partnership.validUntil)) {
            errors.add(Problem.FieldError.atPointer("/validUntil", "must be after the current last day ("
                    + partnership.validUntil + ")"));
        }
        if (validUntil != null && validUntil.isBefore(renewedOn)) {
            errors.add(Problem.FieldError.atPointer("/validUntil", "must not be before /renewedOn"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        PartnershipRenewal renewal = new PartnershipRenewal();
        renewal.id = UUID.randomUUID();
        renewal.partnershipId = partnershipId;
        renewal.renewedOn = renewedOn;
        renewal.previousValidUntil = partnership.validUntil;
        renewal.validUntil = validUntil;
        renewal.note = input.getNote();
        renewal.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        renewal.createdBy = user;
        em.persist(renewal);
        partnership.validUntil = validUntil;
        partnership.renewalCount++;
        partnership.updated(user);
        partnerships.flush();
        return new Renewed(renewal, partnership.version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Page renewals(UUID partnershipId, int limit, String cursor) {
        requirePartnership(partnershipId);
        KeysetQuery query = new KeysetQuery("r.id", "partnership_renewal r");
        query.where("r.partnership_id = ?", partnershipId);
        query.orderBy(List.of(KeysetQuery.SortKey.desc("r.renewed_on", "date"),
                KeysetQuery.SortKey.desc("r.created_at", "timestamptz"), KeysetQuery.SortKey.desc("r.id", "uuid")));
        KeysetQuery.Page page = query.run(em, cursor, limit);
        return new Page(page.load(em, PartnershipRenewal.class), page.next());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    PartnershipRenewal renewal(UUID partnershipId, UUID renewalId) {
        requirePartnership(partnershipId);
        PartnershipRenewal renewal = em.find(PartnershipRenewal.class, renewalId);
        if (renewal == null || !renewal.partnershipId.equals(partnershipId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Partnership " + partnershipId + " has no renewal "
                    + renewalId + ".");
        }
        return renewal;
    }

    private void requirePartnership(UUID partnershipId) {
        if (partnerships.findByIdOptional(partnershipId).isEmpty()) {
            throw ProblemException.notFound("partnership", partnershipId);
        }
    }
}
