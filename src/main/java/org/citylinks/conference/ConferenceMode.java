package org.citylinks.conference;

/**
 * How a conference is held. The contract's values are a visit's (`VisitMode`), but each feature
 * keeps its own: a conference feature that borrowed the visit's enum depended on visits for it.
 */
public enum ConferenceMode {
    IN_PERSON, VIRTUAL, HYBRID
}
