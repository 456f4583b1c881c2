package org.citylinks.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own authentication setting; the token checks are SmallRye JWT's (`mp.jwt.*`). */
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
}
