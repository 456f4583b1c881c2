package org.citylinks.partnership;

/** The kind of tie between two cities. */
public enum RelationshipType {
    SISTER_CITY, FRIENDSHIP_CITY, THEMATIC_PARTNERSHIP
}
