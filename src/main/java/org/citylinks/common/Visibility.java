package org.citylinks.common;

/** Who may see a visit, conference or proposal. */
public enum Visibility {
    /** Everyone, anonymous callers included. */
    PUBLIC,
    /** The record's parties (its owner and the organisations it concerns) and operators only. */
    PARTIES
}
