package org.citylinks.proposal;

import static org.citylinks.proposal.ProposalStatus.ACCEPTED;
import static org.citylinks.proposal.ProposalStatus.DECLINED;
import static org.citylinks.proposal.ProposalStatus.DRAFT;
import static org.citylinks.proposal.ProposalStatus.PARTIALLY_ACCEPTED;
import static org.citylinks.proposal.ProposalStatus.SIGNED;
import static org.citylinks.proposal.ProposalStatus.SUBMITTED;
import static org.citylinks.proposal.ProposalStatus.UNDER_REVIEW;
import static org.citylinks.proposal.ProposalStatus.WITHDRAWN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.citylinks.api.model.ProgrammeInputDto;
import org.citylinks.api.model.ProposalInputDto;
import org.citylinks.common.Problem;
import org.citylinks.common.ProblemException;
import org.citylinks.common.ProblemType;

/**
 * The proposal's rules, in one place and without the database: the state machine (which status
 * may follow which, and which decisions the programmes' decisions allow), the days a move and the
 * drafting may have, when the terms are locked, when decisions may be recorded, and the rules of
 * an input beyond the schema. {@link ProposalService} loads, asks these and stores.
 *
 * <pre>
 * DRAFT -> SUBMITTED -> UNDER_REVIEW -> ACCEPTED | PARTIALLY_ACCEPTED | DECLINED
 * ACCEPTED | PARTIALLY_ACCEPTED -> SIGNED
 * DRAFT | SUBMITTED | UNDER_REVIEW -> WITHDRAWN
 * </pre>
 *
 * A signed pair may have one partnership of a type: that is the partnership feature's rule, which
 * it enforces when signing creates the partnership (a 409).
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

    /**
     * Throws the 422 for a move dated {@code on} that would break the history's date order (before
     * the entry before it, the drafting included) or lie in the future ({@code today} in UTC).
     */
    static void checkMoveDate(List<ProposalEvent> history, LocalDate on, LocalDate today) {
        ProposalEvent last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (last != null && on.isBefore(last.happenedOn)) {
            throw ProblemException.invalid(List.of(Problem.FieldError.atPointer("/date", last.fromStatus == null
                    ? "must not be before the day the proposal was drafted (" + last.happenedOn + "); a proposal"
                            + " entered after the fact gives its draftedOn when it is created"
                    : "must not be before the previous move (" + last.happenedOn + ")")));
        }
        checkNotFuture("/date", on, today);
    }

    /** Throws the 422 for a drafting day in the future or after the first move of {@code history}. */
    static void checkDraftingDate(List<ProposalEvent> history, LocalDate drafted, LocalDate today) {
        checkNotFuture("/draftedOn", drafted, today);
        if (history.size() > 1 && drafted.isAfter(history.get(1).happenedOn)) {
            throw ProblemException.invalid(List.of(Problem.FieldError.atPointer("/draftedOn",
                    "must not be after the first move (" + history.get(1).happenedOn + ")")));
        }
    }

    /** Throws the 409 for a change of the terms of a proposal whose terms are locked. */
    static void checkTermsChange(Proposal proposal, ProposalInputDto input) {
        if (!termsOpen(proposal.status) && changesTerms(proposal, input)) {
            throw new ProblemException(ProblemType.CONFLICT, "The proposal is " + proposal.status + ": its cities,"
                    + " relationship type and programmes can no longer change.");
        }
    }

    /**
     * The sides a signature by a caller acting for {@code callerSides} adds: those of its sides
     * that have not signed yet. Throws the 409 when they all have, since the other side is awaited.
     */
    static Set<ProposalSide> sign(Proposal proposal, Set<ProposalSide> callerSides) {
        Set<ProposalSide> unsigned = java.util.EnumSet.noneOf(ProposalSide.class);
        unsigned.addAll(callerSides);
        proposal.signatures.forEach(signature -> unsigned.remove(signature.side));
        if (unsigned.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "Your side has signed already; the proposal is "
                    + proposal.status + " until the other side signs too.");
        }
        return unsigned;
    }

    /** Whether both sides have signed. */
    static boolean signedByBoth(Proposal proposal) {
        return proposal.signatures.stream().map(s -> s.side).distinct().count() == ProposalSide.values().length;
    }

    /** Throws the 409 for a programme decision while the proposal awaits none. */
    static void checkDecisionOpen(Proposal proposal) {
        if (!decisionsOpen(proposal.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "Programme decisions are recorded while the proposal is"
                    + " SUBMITTED or UNDER_REVIEW; it is " + proposal.status + ".");
        }
    }

    /**
     * What an input breaks beyond the schema and the ids it names: the partner is another city than
     * the proposer, and each programme number is listed once.
     */
    static List<Problem.FieldError> inputViolations(ProposalInputDto input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input.getProposerCityId() != null && Objects.equals(input.getProposerCityId(), input.getPartnerCityId())) {
            errors.add(Problem.FieldError.atPointer("/partnerCityId", "must be another city than the proposer"));
        }
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < input.getProgrammes().size(); i++) {
            ProgrammeInputDto programme = input.getProgrammes().get(i);
            if (programme != null && !numbers.add(programme.getNumber())) {
                errors.add(Problem.FieldError.atPointer("/programmes/" + i + "/number",
                        "repeats the number of a programme listed before it"));
            }
        }
        return errors;
    }

    private static void checkNotFuture(String pointer, LocalDate day, LocalDate today) {
        // A day's leeway: a client ahead of UTC may already live in tomorrow.
        if (day.isAfter(today.plusDays(1))) {
            throw ProblemException.invalid(List.of(Problem.FieldError.atPointer(pointer, "must not be in the future")));
        }
    }

    private static boolean changesTerms(Proposal proposal, ProposalInputDto input) {
        List<ProgrammeInputDto> programmes = input.getProgrammes();
        if (!proposal.proposerCityId.equals(input.getProposerCityId())
                || !proposal.partnerCityId.equals(input.getPartnerCityId())
                || !proposal.relationshipType.name().equals(input.getRelationshipType().name())
                || programmes.size() != proposal.programmes.size()) {
            return true;
        }
        return programmes.stream().anyMatch(in -> proposal.programmes.stream()
                .noneMatch(p -> p.number == in.getNumber() && p.says(in.getTitle(), in.getDescription())));
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
