package org.citylinks.proposal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.citylinks.api.model.ProgrammeInputDto;
import org.citylinks.api.model.ProposalInputDto;
import org.citylinks.api.model.RelationshipTypeDto;
import org.citylinks.common.ProblemException;
import org.citylinks.common.ProblemType;
import org.citylinks.partnership.RelationshipType;
import org.junit.jupiter.api.Test;

/**
 * The proposal's rules without the service or a database, on Ambon's four music programmes to Metz:
 * Metz found programmes 1, 2 and 4 feasible.
 */
class ProposalTransitionsTest {

    private static final UUID AMBON = UUID.randomUUID();
    private static final UUID METZ = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.of(2023, 2, 1);

    private static Proposal ambonToMetz(ProposalStatus status, ProgrammeDecision... decisions) {
        Proposal proposal = new Proposal();
        proposal.id = UUID.randomUUID();
        proposal.proposerCityId = AMBON;
        proposal.partnerCityId = METZ;
        proposal.relationshipType = RelationshipType.SISTER_CITY;
        proposal.status = status;
        for (int i = 0; i < decisions.length; i++) {
            Programme programme = new Programme();
            programme.number = i + 1;
            programme.title = "Music programme " + (i + 1);
            programme.decision = decisions[i];
            proposal.programmes.add(programme);
        }
        return proposal;
    }

    private static ProposalEvent event(ProposalStatus from, ProposalStatus to, LocalDate on) {
        ProposalEvent event = new ProposalEvent();
        event.fromStatus = from;
        event.toStatus = to;
        event.happenedOn = on;
        return event;
    }

    @Test
    void threeOfFourFeasibleProgrammesMakeAPartialAcceptanceNotAFullOne() {
        Proposal proposal = ambonToMetz(ProposalStatus.UNDER_REVIEW, ProgrammeDecision.ACCEPTED,
                ProgrammeDecision.ACCEPTED, ProgrammeDecision.DECLINED, ProgrammeDecision.ACCEPTED);
        assertEquals(List.of(ProposalStatus.PARTIALLY_ACCEPTED, ProposalStatus.WITHDRAWN),
                ProposalTransitions.allowed(proposal));
        ProblemException refused = assertThrows(ProblemException.class,
                () -> ProposalTransitions.check(proposal, ProposalStatus.ACCEPTED));
        assertEquals(ProblemType.TRANSITION_NOT_ALLOWED, refused.type());
        assertTrue(refused.getMessage().contains("declined: [3]"), refused.getMessage());
    }

    @Test
    void aProposalIsDecidedOnlyOnceEveryProgrammeIs() {
        Proposal proposal = ambonToMetz(ProposalStatus.UNDER_REVIEW, ProgrammeDecision.ACCEPTED,
                ProgrammeDecision.PENDING, ProgrammeDecision.DECLINED, ProgrammeDecision.ACCEPTED);
        assertEquals(List.of(ProposalStatus.WITHDRAWN), ProposalTransitions.allowed(proposal));
        assertThrows(ProblemException.class, () -> ProposalTransitions.check(proposal, ProposalStatus.DECLINED));
        assertThrows(ProblemException.class,
                () -> ProposalTransitions.check(ambonToMetz(ProposalStatus.DRAFT), ProposalStatus.SIGNED));
    }

    @Test
    void decisionsAreRecordedOnlyWhileTheProposalAwaitsThem() {
        assertDoesNotThrow(() -> ProposalTransitions.checkDecisionOpen(ambonToMetz(ProposalStatus.SUBMITTED)));
        assertEquals(ProblemType.CONFLICT, assertThrows(ProblemException.class,
                () -> ProposalTransitions.checkDecisionOpen(ambonToMetz(ProposalStatus.DRAFT))).type());
    }

    @Test
    void movesKeepTheHistoryInDateOrderAndNeverLieInTheFuture() {
        List<ProposalEvent> history = new ArrayList<>(List.of(event(null, ProposalStatus.DRAFT, LocalDate.of(2022, 11, 1)),
                event(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED, LocalDate.of(2022, 12, 5))));
        assertEquals("/date", pointer(() -> ProposalTransitions.checkMoveDate(history, LocalDate.of(2022, 12, 4), TODAY)));
        assertEquals("/date", pointer(() -> ProposalTransitions.checkMoveDate(history, TODAY.plusDays(2), TODAY)));
        assertDoesNotThrow(() -> ProposalTransitions.checkMoveDate(history, TODAY.plusDays(1), TODAY), "a day's leeway");
        assertEquals("/draftedOn", pointer(() -> ProposalTransitions.checkDraftingDate(history, LocalDate.of(2022, 12, 6), TODAY)));
        assertDoesNotThrow(() -> ProposalTransitions.checkDraftingDate(history, LocalDate.of(2022, 10, 1), TODAY));
    }

    @Test
    void theTermsLockOnceTheProposalIsDecided() {
        Proposal decided = ambonToMetz(ProposalStatus.PARTIALLY_ACCEPTED, ProgrammeDecision.ACCEPTED, ProgrammeDecision.DECLINED);
        ProposalInputDto same = input(AMBON, METZ, 1, 2);
        same.getProgrammes().forEach(p -> p.setTitle("Music programme " + p.getNumber()));
        assertDoesNotThrow(() -> ProposalTransitions.checkTermsChange(decided, same), "a summary may still change");
        ProposalInputDto fewer = input(AMBON, METZ, 1);
        fewer.getProgrammes().get(0).setTitle("Music programme 1");
        assertEquals(ProblemType.CONFLICT, assertThrows(ProblemException.class,
                () -> ProposalTransitions.checkTermsChange(decided, fewer)).type());
        assertDoesNotThrow(() -> ProposalTransitions.checkTermsChange(ambonToMetz(ProposalStatus.DRAFT), fewer));
    }

    @Test
    void anInputNamesTwoCitiesAndEachProgrammeOnce() {
        assertEquals(List.of("/partnerCityId", "/programmes/2/number"),
                ProposalTransitions.inputViolations(input(AMBON, AMBON, 1, 2, 1)).stream().map(e -> e.pointer()).toList());
        assertTrue(ProposalTransitions.inputViolations(input(AMBON, METZ, 1, 2, 4)).isEmpty());
    }

    private static ProposalInputDto input(UUID proposer, UUID partner, int... numbers) {
        List<ProgrammeInputDto> programmes = new ArrayList<>();
        for (int number : numbers) {
            programmes.add(new ProgrammeInputDto().number(number).title("Programme " + number));
        }
        return new ProposalInputDto().title("Music").proposerCityId(proposer).partnerCityId(partner)
                .relationshipType(RelationshipTypeDto.SISTER_CITY).programmes(programmes);
    }

    private static String pointer(Runnable rule) {
        ProblemException refused = assertThrows(ProblemException.class, rule::run);
        assertEquals(ProblemType.VALIDATION_FAILED, refused.type());
        return refused.errors().get(0).pointer();
    }
}
