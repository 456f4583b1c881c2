package org.citylinks.partnership;

/**
 * Where a partnership's agreement stands today, from its dates; computed by the database
 * (V13__partnership_agreements_programmes.sql) on every write and by the health job as the date
 * goes by, never set by a client. The contract's {@code AgreementStatus} says what each means.
 */
public enum AgreementStatus {
    NOT_RECORDED, NOT_YET_IN_FORCE, OPEN_ENDED, IN_FORCE, EXPIRING, EXPIRED
}
