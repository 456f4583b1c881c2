package org.citylinks.proposal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.citylinks.common.Ownership;
import org.citylinks.common.ProblemException;
import org.citylinks.common.Viewer;

/**
 * Who may do what to a proposal, by side; a negotiation stays between its parties.
 *
 * <ul>
 * <li>The proposer's side (the proposal's owner and the proposer city's government) drafts and
 * edits the terms, submits and withdraws.</li>
 * <li>The partner's side (the partner city's government) takes it under review, records each
 * programme's decision and decides.</li>
 * <li>Each side signs for itself ({@link ProposalTransitions#sign}); an operator's signature stands
 * for any side that has not signed.</li>
 * <li>A facilitating organisation is a party: it sees the proposal, and changes nothing.</li>
 * <li>Deleting takes an admin of the owner; operators may do anything.</li>
 * </ul>
 *
 * A proposal owned by no organisation (from before organisations, or an operator's) is changed by
 * operators only.
 */
final class ProposalPermissions {

    private static final Set<ProposalStatus> PROPOSER_MOVES = EnumSet.of(ProposalStatus.SUBMITTED, ProposalStatus.WITHDRAWN);
    private static final Set<ProposalStatus> PARTNER_MOVES = EnumSet.of(ProposalStatus.UNDER_REVIEW,
            ProposalStatus.ACCEPTED, ProposalStatus.PARTIALLY_ACCEPTED, ProposalStatus.DECLINED);

    private ProposalPermissions() {
    }

    /** The sides the caller acts for: operators act for both, and they alone for a proposal owned by no organisation. */
    static Set<ProposalSide> sides(Viewer caller, Proposal proposal) {
        Set<ProposalSide> sides = EnumSet.noneOf(ProposalSide.class);
        if (proposal.access.ownerOrganizationId == null && !caller.operator()) {
            return sides;
        }
        if (caller.operator() || Ownership.isOwner(caller, proposal.access) || caller.governs(proposal.proposerCityId)) {
            sides.add(ProposalSide.PROPOSER);
        }
        if (caller.operator() || caller.governs(proposal.partnerCityId)) {
            sides.add(ProposalSide.PARTNER);
        }
        return sides;
    }

    /** The organisation that signs for {@code side} when the caller signs, or null for an operator's signature. */
    static UUID signingOrganization(Viewer caller, Proposal proposal, ProposalSide side) {
        if (side == ProposalSide.PROPOSER) {
            if (Ownership.isOwner(caller, proposal.access)) {
                return proposal.access.ownerOrganizationId;
            }
            return caller.governmentOf(proposal.proposerCityId).orElse(null);
        }
        return caller.governmentOf(proposal.partnerCityId).orElse(null);
    }

    static void checkTerms(Viewer caller, Proposal proposal) {
        require(caller, proposal, ProposalSide.PROPOSER, "edit the proposal's terms");
    }

    static void checkDecision(Viewer caller, Proposal proposal) {
        require(caller, proposal, ProposalSide.PARTNER, "record a programme decision");
    }

    /** A move other than signing: who may make it depends on the status it goes to. */
    static void checkMove(Viewer caller, Proposal proposal, ProposalStatus to) {
        side(to).ifPresent(side -> require(caller, proposal, side, "move it to " + to));
    }

    static void checkSign(Viewer caller, Proposal proposal) {
        if (sides(caller, proposal).isEmpty()) {
            throw ProblemException.forbidden("Only the proposer's side (" + proposerSide(proposal) + ") or the partner's"
                    + " side (the government of the partner city) may sign; each signs for itself.");
        }
    }

    static void checkDelete(Viewer caller, Proposal proposal) {
        Ownership.checkDelete(caller, proposal.access, "a proposal");
    }

    private static Optional<ProposalSide> side(ProposalStatus to) {
        if (PROPOSER_MOVES.contains(to)) {
            return Optional.of(ProposalSide.PROPOSER);
        }
        return PARTNER_MOVES.contains(to) ? Optional.of(ProposalSide.PARTNER) : Optional.empty();
    }

    private static void require(Viewer caller, Proposal proposal, ProposalSide side, String action) {
        if (proposal.access.ownerOrganizationId == null && !caller.operator()) {
            throw ProblemException.forbidden("This proposal is owned by no organisation (it is from before organisations,"
                    + " or an operator's): only an operator may " + action + ".");
        }
        if (!sides(caller, proposal).contains(side)) {
            throw ProblemException.forbidden("Only the " + (side == ProposalSide.PROPOSER
                    ? "proposer's side (" + proposerSide(proposal) + ")"
                    : "partner's side (the government of the partner city)") + " may " + action + ".");
        }
    }

    private static String proposerSide(Proposal proposal) {
        return proposal.access.ownerOrganizationId == null
                ? "for a proposal owned by no organisation, an operator"
                : "the proposal's owner or the government of the proposer city";
    }
}
