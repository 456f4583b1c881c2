package org.citylinks.proposal;

import static org.citylinks.proposal.ProposalStatus.ACCEPTED;
import static org.citylinks.proposal.ProposalStatus.DECLINED;
import static org.citylinks.proposal.ProposalStatus.DRAFT;
import static org.citylinks.proposal.ProposalStatus.PARTIALLY_ACCEPTED;
import static org.citylinks.proposal.ProposalStatus.SIGNED;
import static org.citylinks.proposal.ProposalStatus.SUBMITTED;
import static org.citylinks.proposal.ProposalStatus.UNDER_REVIEW;
import static org.citylinks.proposal.ProposalStatus.WITHDRAWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.citylinks.common.ProblemException;

/**
 * The proposal state machine, the one place that says which status may follow which, and which
 * decisions the programmes' decisions allow:
 *
 * <pre>
 * DRAFT -> SUBMITTED -> UNDER_REVIEW -> ACCEPTED | PARTIALLY_ACCEPTED | DECLINED
 * ACCEPTED | PARTIALLY_ACCEPTED -> SIGNED
 * DRAFT | SUBMITTED | UNDER_REVIEW -> WITHDRAWN
 * </pre>
 */
final class ProposalTransitions {

    private static final Map<ProposalStatus, Set<ProposalStatus>> NEXT = new EnumMap<>(ProposalStatus.class);

    static {
        NEXT.put(DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN));
        NEXT.put(SUBMITTED, EnumSet.of(UNDER_REVIEW, WITHDRAWN));
        NEXT.put(UNDER_REVIEW, EnumSet.of(ACCEPTED, PARTIALLY_ACCEPTED, DECLINED, WITHDRAWN));
        NEXT.put(ACCEPTED, EnumSet.of(SIGNED));
        NEXT.put(PARTIALLY_ACCEPTED, EnumSet.of(SIGNED));
        NEXT.put(DECLINED, EnumSet.noneOf(ProposalStatus.class));
        NEXT.put(SIGNED, EnumSet.noneOf(ProposalStatus.class));
        NEXT.put(WITHDRAWN, EnumSet.noneOf(ProposalStatus.class));
    }

    private ProposalTransitions() {
    }

    /** Throws the 409 that explains why {@code proposal} cannot move to {@code to}, if it cannot. */
    static void check(Proposal proposal, ProposalStatus to) {
        Optional<String> refusal = refusal(proposal, to);
        if (refusal.isPresent()) {
            throw ProblemException.transitionNotAllowed(refusal.get(),
                    allowed(proposal).stream().map(Enum::name).toList());
        }
    }

    /** The moves the proposal can make now: those the machine allows and its programmes permit. */
    static List<ProposalStatus> allowed(Proposal proposal) {
        return NEXT.get(proposal.status).stream().filter(to -> refusal(proposal, to).isEmpty()).toList();
    }

    /** Whether the terms (the cities, the kind of tie, the programmes) may still change. */
    static boolean termsOpen(ProposalStatus status) {
        return status == DRAFT || status == SUBMITTED || status == UNDER_REVIEW;
    }

    /** Whether the partner may still decide on programmes. */
    static boolean decisionsOpen(ProposalStatus status) {
        return status == SUBMITTED || status == UNDER_REVIEW;
    }

    private static Optional<String> refusal(Proposal proposal, ProposalStatus to) {
        if (!NEXT.get(proposal.status).contains(to)) {
            return Optional.of("A proposal in status " + proposal.status + " cannot move to " + to + ".");
        }
        if (to != ACCEPTED && to != PARTIALLY_ACCEPTED && to != DECLINED) {
            return Optional.empty();
        }
        List<Integer> pending = numbers(proposal, ProgrammeDecision.PENDING);
        if (!pending.isEmpty()) {
            return Optional.of("Every programme needs a decision before the proposal is decided; still pending: "
                    + pending + ".");
        }
        List<Integer> accepted = numbers(proposal, ProgrammeDecision.ACCEPTED);
        List<Integer> declined = numbers(proposal, ProgrammeDecision.DECLINED);
        return switch (to) {
            case ACCEPTED -> declined.isEmpty() ? Optional.empty()
                    : Optional.of("ACCEPTED needs every programme accepted; declined: " + declined + ".");
            case PARTIALLY_ACCEPTED -> !accepted.isEmpty() && !declined.isEmpty() ? Optional.empty()
                    : Optional.of("PARTIALLY_ACCEPTED needs at least one programme accepted and one declined.");
            default -> accepted.isEmpty() ? Optional.empty()
                    : Optional.of("DECLINED needs no programme accepted; accepted: " + accepted + ".");
        };
    }

    private static List<Integer> numbers(Proposal proposal, ProgrammeDecision decision) {
        return proposal.programmes.stream().filter(p -> p.decision == decision).map(p -> p.number).toList();
    }
}
