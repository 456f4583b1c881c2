package org.citylinks.proposal;

/** Where a proposal stands. The moves between them are in {@link ProposalTransitions}. */
public enum ProposalStatus {
    DRAFT, SUBMITTED, UNDER_REVIEW, ACCEPTED, PARTIALLY_ACCEPTED, DECLINED, SIGNED, WITHDRAWN
}
