package org.citylinks.conference;

/** The part a city plays at a conference. */
public enum ParticipantRole {
    HOST, SPEAKER, DELEGATE, OBSERVER
}
