package org.citylinks.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own authentication settings; the token checks are quarkus-oidc's ({@code quarkus.oidc.*}). */
@ConfigMapping(prefix = "citylinks.auth")
public interface AuthSettings {

    /** Serve reads only, with no key to check tokens: every write is then a 401. */
    @WithDefault("false")
    boolean readOnly();

    /**
     * The token claim that names the caller's organisations: a string or an array of ids, or an
     * object whose members carry an {@code id} (Keycloak's {@code organization} claim with ids).
     */
    @WithDefault("org")
    String organizationClaim();

    /**
     * Where the claim's object shape keeps the CityLinks id in each organisation's entry: Keycloak's
     * membership mapper writes the organisation's attributes there ({@code citylinks-id} in the
     * example realm), or an {@code id} member when it adds ids.
     */
    @WithDefault("citylinks-id,id")
    java.util.List<String> organizationIdMembers();
}
