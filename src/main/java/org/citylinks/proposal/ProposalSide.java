package org.citylinks.proposal;

/** A side of a proposal: the city that proposes, and the city proposed to. */
public enum ProposalSide {
    PROPOSER, PARTNER
}
