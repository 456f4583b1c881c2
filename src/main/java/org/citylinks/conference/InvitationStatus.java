package org.citylinks.conference;

/** Where a participant's invitation stands. */
public enum InvitationStatus {
    INVITED, CONFIRMED, DECLINED
}
