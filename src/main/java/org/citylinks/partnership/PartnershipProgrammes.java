package org.citylinks.partnership;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.citylinks.api.model.PartnershipProgrammeInputDto;
import org.citylinks.api.model.ProgrammeEvidenceInputDto;
import org.citylinks.common.CurrentUser;
import org.citylinks.common.EntityTags;
import org.citylinks.common.JsonMergePatch;
import org.citylinks.common.Problem;
import org.citylinks.common.ProblemException;
import org.citylinks.common.ProblemType;
import org.citylinks.common.ReadOnlyMembers;
import org.citylinks.common.Viewer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The programmes a partnership carries out and the visits and conferences that served them. Who
 * may change the partnership may change its programmes; everyone may read them, and sees of the
 * evidence only the records they may see. Each public method is one transaction; reads join none.
 */
@ApplicationScoped
@Transactional
public class PartnershipProgrammes {

    /** A partnership holds at most this many programmes, and a programme this much evidence. */
    static final int MAX_PROGRAMMES = 1000;
    static final int MAX_EVIDENCE = 200;

    @Inject
    PartnershipProgrammeRepository repository;

    @Inject
    PartnershipRepository partnerships;

    @Inject
    EntityManager em;

    @Inject
    CurrentUser current;

    @Inject
    ReadOnlyMembers readOnly;

    @Inject
    JsonMergePatch mergePatch;

    /** A programme as a reader sees it, and the partnership's version (the ETag). */
    record Found(PartnershipProgramme programme, List<PartnershipProgrammeRepository.Evidence> evidence, long version) {
    }

    /** A record linked as evidence, and the partnership's new version. */
    record Linked(PartnershipProgrammeRepository.Evidence evidence, long version) {
    }

    /** A page of programmes with their evidence. */
    record Page(List<Found> programmes, String next) {
    }

    /** The accepted programmes of a proposal being signed become the new partnership's. */
    @Transactional(Transactional.TxType.MANDATORY)
    void carryOver(UUID partnershipId, List<PartnershipService.ProgrammeTerms> accepted, String user) {
        for (PartnershipService.ProgrammeTerms terms : accepted) {
            PartnershipProgramme programme = new PartnershipProgramme();
            programme.partnershipId = partnershipId;
            programme.number = terms.number();
            programme.title = terms.title();
            programme.description = terms.description();
            programme.fromProposal = true;
            touched(programme, user);
            em.persist(programme);
        }
        em.flush();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Page page(UUID partnershipId, ProgrammeStatus status, int limit, String cursor) {
        Partnership partnership = existing(partnershipId);
        PartnershipProgrammeRepository.NumberPage numbers = repository.numbers(partnershipId, status, limit, cursor);
        List<PartnershipProgramme> loaded = repository.load(partnershipId, numbers.numbers());
        Map<Integer, List<PartnershipProgrammeRepository.Evidence>> evidence = repository.evidence(partnership,
                numbers.numbers(), current.viewer());
        List<Found> found = loaded.stream().map(p -> new Found(p, evidence.getOrDefault(p.number, List.of()),
                partnership.version)).toList();
        return new Page(found, numbers.next());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Found find(UUID partnershipId, int number) {
        Partnership partnership = existing(partnershipId);
        return found(partnership, programme(partnership, number));
    }

    Found add(UUID partnershipId, String ifMatch, PartnershipProgrammeInputDto input, String user) {
        readOnly.refuse(input);
        Partnership partnership = changeable(partnershipId, ifMatch);
        int next = repository.lastNumber(partnershipId) + 1;
        if (next > MAX_PROGRAMMES) {
            throw ProblemException.conflict("Partnership " + partnershipId + " has " + MAX_PROGRAMMES
                    + " programmes, as many as it may hold.", "/title", "the partnership holds as many programmes as it may");
        }
        PartnershipProgramme programme = new PartnershipProgramme();
        programme.partnershipId = partnershipId;
        programme.number = next;
        programme.fromProposal = false;
        apply(input, Set.of("startedOn", "finishedOn"), programme, null);
        touched(programme, user);
        em.persist(programme);
        return saved(partnership, programme);
    }

    Found patch(UUID partnershipId, int number, String ifMatch, ObjectNode patch, String user) {
        Partnership partnership = changeable(partnershipId, ifMatch);
        PartnershipProgramme programme = programme(partnership, number);
        readOnly.requireUnchanged("PartnershipProgrammePatch", patch,
                () -> ProgrammeMapper.toDto(found(partnership, programme)));
        PartnershipProgrammeInputDto merged = mergePatch.apply(ProgrammeMapper.toInput(programme), patch,
                PartnershipProgrammeInputDto.class);
        Set<String> sent = new java.util.HashSet<>();
        patch.fieldNames().forEachRemaining(sent::add);
        apply(merged, sent, programme, programme.status);
        touched(programme, user);
        return saved(partnership, programme);
    }

    /** Links a visit or conference the caller may see, and which the rules allow, to the programme. */
    Linked addEvidence(UUID partnershipId, int number, String ifMatch,
            ProgrammeEvidenceInputDto input, String user) {
        Partnership partnership = changeable(partnershipId, ifMatch);
        PartnershipProgramme programme = programme(partnership, number);
        boolean visit = input.getType() == org.citylinks.api.model.EvidenceTypeDto.VISIT;
        Viewer viewer = current.viewer();
        PartnershipProgrammeRepository.Candidate candidate = repository.candidate(visit, input.getId(), partnership, viewer)
                .orElseThrow(() -> ProblemException.invalid(List.of(Problem.FieldError.atPointer("/id",
                        "is no " + (visit ? "visit" : "conference") + " you may see"))));
        if (!candidate.servesPair()) {
            throw ProblemException.invalid(List.of(Problem.FieldError.atPointer("/id", visit
                    ? "is a visit between other cities: only a visit between the partnership's two cities may serve its programmes"
                    : "is a conference the partnership's two cities do not both take part in")));
        }
        if (repository.isEvidence(partnershipId, programme.number, input.getId())) {
            throw ProblemException.conflict("The " + (visit ? "visit" : "conference") + " already serves programme "
                    + number + ".", "/id", "already serves this programme");
        }
        if (repository.evidenceCount(partnershipId, programme.number) >= MAX_EVIDENCE) {
            throw ProblemException.conflict("Programme " + number + " has " + MAX_EVIDENCE
                    + " records of evidence, as many as it may hold.", "/id", "the programme holds as much evidence as it may");
        }
        repository.link(partnershipId, programme.number, visit, input.getId(), user);
        em.refresh(partnership);
        return new Linked(candidate.evidence(), partnership.version);
    }

    /** Unlinks a record from the programme; returns the partnership's new version. */
    long removeEvidence(UUID partnershipId, int number, UUID recordId, String ifMatch) {
        Partnership partnership = changeable(partnershipId, ifMatch);
        PartnershipProgramme programme = programme(partnership, number);
        if (!repository.unlink(partnershipId, programme.number, recordId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Programme " + number + " of partnership "
                    + partnershipId + " has no evidence " + recordId + ".");
        }
        em.refresh(partnership);
        return partnership.version;
    }

    /**
     * Applies the writable fields under the rules of progress: a planned programme has not started,
     * one under way has a start and no finish, a finished one both. A date left out takes the day of
     * the change when the status needs it; one sent that the status does not allow is a 422.
     */
    private static void apply(PartnershipProgrammeInputDto input, Set<String> sent, PartnershipProgramme programme,
            ProgrammeStatus before) {
        ProgrammeStatus status = input.getStatus() == null ? ProgrammeStatus.PLANNED
                : ProgrammeStatus.valueOf(input.getStatus().name());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate started = input.getStartedOn();
        LocalDate finished = input.getFinishedOn();
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean sentStart = sent.contains("startedOn") && started != null;
        boolean sentFinish = sent.contains("finishedOn") && finished != null;
        switch (status) {
            case PLANNED -> {
                if (sentStart) {
                    errors.add(Problem.FieldError.atPointer("/startedOn", "must be null for a PLANNED programme, which has not started"));
                }
                if (sentFinish) {
                    errors.add(Problem.FieldError.atPointer("/finishedOn", "must be null for a PLANNED programme"));
                }
                started = null;
                finished = null;
            }
            case IN_PROGRESS -> {
                if (sentFinish) {
                    errors.add(Problem.FieldError.atPointer("/finishedOn", "is only for a DONE or DROPPED programme"));
                }
                finished = null;
                started = started == null ? today : started;
            }
            case DONE -> {
                finished = finished == null ? today : finished;
                started = started == null ? finished : started;
            }
            case DROPPED -> finished = finished == null && before != ProgrammeStatus.DROPPED ? today : finished;
        }
        if (started != null && started.isAfter(today)) {
            errors.add(Problem.FieldError.atPointer("/startedOn", "must not be after today (" + today + ")"));
        }
        if (finished != null && finished.isAfter(today)) {
            errors.add(Problem.FieldError.atPointer("/finishedOn", "must not be after today (" + today + ")"));
        }
        if (started != null && finished != null && finished.isBefore(started)) {
            errors.add(Problem.FieldError.atPointer("/finishedOn", "must not be before /startedOn"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        programme.title = input.getTitle();
        programme.description = input.getDescription();
        programme.notes = input.getNotes();
        programme.status = status;
        programme.startedOn = started;
        programme.finishedOn = finished;
    }

    private Found saved(Partnership partnership, PartnershipProgramme programme) {
        em.flush();
        em.refresh(partnership); // the trigger moved its version and counts
        return found(partnership, programme);
    }

    private Found found(Partnership partnership, PartnershipProgramme programme) {
        return new Found(programme, repository.evidence(partnership, List.of(programme.number), current.viewer())
                .getOrDefault(programme.number, List.of()), partnership.version);
    }

    /** The partnership, locked, once the caller may change it and {@code If-Match} (if sent) holds. */
    private Partnership changeable(UUID partnershipId, String ifMatch) {
        // Locked: two programmes added at once must not take the same number.
        Partnership partnership = partnerships.findByIdOptional(partnershipId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("partnership", partnershipId));
        PartnershipPermissions.checkParty(current.viewer(), List.of(partnership.cityAId, partnership.cityBId));
        EntityTags.requireMatchIfPresent(ifMatch, partnership.version);
        return partnership;
    }

    private Partnership existing(UUID partnershipId) {
        return partnerships.findByIdOptional(partnershipId)
                .orElseThrow(() -> ProblemException.notFound("partnership", partnershipId));
    }

    private PartnershipProgramme programme(Partnership partnership, int number) {
        PartnershipProgramme programme = em.find(PartnershipProgramme.class,
                new PartnershipProgramme.Key(partnership.id, number));
        if (programme == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Partnership " + partnership.id + " has no programme "
                    + number + ".");
        }
        return programme;
    }

    private static void touched(PartnershipProgramme programme, String user) {
        programme.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        programme.updatedBy = user;
    }
}
