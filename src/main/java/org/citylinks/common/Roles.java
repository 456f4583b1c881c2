package org.citylinks.common;

/** The roles a token carries in its {@code groups} claim. */
public final class Roles {

    /** May create and change resources. */
    public static final String EDITOR = "editor";
    /** May also delete resources and run bulk imports. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
