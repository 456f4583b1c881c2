package org.citylinks.common;

/** The roles a token carries in its {@code groups} claim; editor and admin hold in each organisation the token names. */
public final class Roles {

    /** May create and change resources. */
    public static final String EDITOR = "editor";
    /** May also delete its organisation's resources and edit its organisation's profile. */
    public static final String ADMIN = "admin";
    /**
     * Runs the platform, across organisations: creates organisations, runs bulk imports, and may
     * change and see every record (those owned by no organisation included).
     */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
