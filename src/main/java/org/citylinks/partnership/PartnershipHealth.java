package org.citylinks.partnership;

/**
 * How recently a partnership's two cities dealt with each other; computed by the database
 * (V6__partnership_health.sql), never set by a client. Not to be confused with the status people set.
 */
public enum PartnershipHealth {
    ACTIVE, QUIET, DORMANT
}
