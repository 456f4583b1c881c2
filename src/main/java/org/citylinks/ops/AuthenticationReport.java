package org.citylinks.ops;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.citylinks.common.AuthSettings;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Says at start how bearer tokens are checked, so that an operator never meets a service whose every
 * write is a bare 401. In production a service with no way to verify tokens (no identity provider,
 * no static key) does not start, unless {@code citylinks.auth.read-only=true} says that it is meant
 * to serve reads only. Settings of the SmallRye JWT setup that came before quarkus-oidc are named,
 * so that an upgrade does not silently turn into a read-only service.
 */
@Singleton
public class AuthenticationReport {

    private static final Logger LOG = Logger.getLogger(AuthenticationReport.class);

    /** The settings of the earlier SmallRye JWT setup, and what replaced each. */
    private static final List<String[]> REPLACED = List.of(
            new String[] { "mp.jwt.verify.publickey.location", "QUARKUS_OIDC_AUTH_SERVER_URL (an identity provider) or QUARKUS_OIDC_PUBLIC_KEY (a static key's base64)" },
            new String[] { "mp.jwt.verify.publickey", "QUARKUS_OIDC_PUBLIC_KEY" },
            new String[] { "mp.jwt.verify.issuer", "QUARKUS_OIDC_TOKEN_ISSUER (or the issuer's own URL in QUARKUS_OIDC_AUTH_SERVER_URL)" });

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> issuerUrl;

    @ConfigProperty(name = "quarkus.oidc.public-key")
    Optional<String> staticKey;

    @ConfigProperty(name = "quarkus.oidc.token.issuer")
    Optional<String> issuer;

    @ConfigProperty(name = "quarkus.oidc.token.audience")
    Optional<List<String>> audience;

    @Inject
    Config config;

    @Inject
    AuthSettings settings;

    void onStart(@Observes StartupEvent event) {
        boolean production = LaunchMode.current() == LaunchMode.NORMAL;
        for (String[] replaced : REPLACED) {
            if (config.getOptionalValue(replaced[0], String.class).filter(v -> !v.isBlank()).isPresent()) {
                String message = replaced[0] + " is no longer read: tokens are checked by quarkus-oidc. Set " + replaced[1]
                        + " instead (the README's configuration table lists them).";
                if (production) {
                    throw new IllegalStateException(message);
                }
                LOG.warn(message);
            }
        }
        String audiences = audience.map(list -> String.join(", ", list)).orElse("(any)");
        if (issuerUrl.filter(s -> !s.isBlank()).isPresent()) {
            LOG.infof("Authentication: bearer tokens from the identity provider at %s (keys from its discovery document"
                    + " and JWKS, fetched again for an unknown key id), for audience %s; roles from the groups claim,"
                    + " organisations from the %s claim.", issuerUrl.get(), audiences, settings.organizationClaim());
            return;
        }
        if (staticKey.filter(s -> !s.isBlank()).isPresent()) {
            LOG.infof("Authentication: bearer tokens from issuer %s, verified with a static public key"
                    + " (QUARKUS_OIDC_PUBLIC_KEY), for audience %s; roles from the groups claim, organisations from"
                    + " the %s claim.", issuer.orElse("(any)"), audiences, settings.organizationClaim());
            return;
        }
        String missing = "No way to verify bearer tokens is configured (QUARKUS_OIDC_AUTH_SERVER_URL: your identity"
                + " provider's issuer URL; or QUARKUS_OIDC_PUBLIC_KEY with QUARKUS_OIDC_TOKEN_ISSUER: a static key).";
        if (production && !settings.readOnly()) {
            throw new IllegalStateException(missing + " Every write would be refused. Configure one, or set"
                    + " CITYLINKS_AUTH_READ_ONLY=true to serve reads only.");
        }
        LOG.warn(missing + " Reads are served; every write is refused with 401.");
    }
}
