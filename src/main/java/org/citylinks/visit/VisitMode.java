package org.citylinks.visit;

/** How a visit is held. */
public enum VisitMode {
    IN_PERSON, VIRTUAL, HYBRID
}
