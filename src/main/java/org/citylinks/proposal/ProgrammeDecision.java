package org.citylinks.proposal;

/** The partner's decision on one programme. */
public enum ProgrammeDecision {
    PENDING, ACCEPTED, DECLINED
}
