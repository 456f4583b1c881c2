package org.citylinks.visit;

/** How a visit or a conference is held. */
public enum VisitMode {
    IN_PERSON, VIRTUAL, HYBRID
}
