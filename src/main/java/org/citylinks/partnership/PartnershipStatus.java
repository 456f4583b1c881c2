package org.citylinks.partnership;

/** Whether a partnership is alive. */
public enum PartnershipStatus {
    ACTIVE, DORMANT, ENDED
}
