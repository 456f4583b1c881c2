package org.citylinks.ops;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.citylinks.common.AuthSettings;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Says at start how bearer tokens are checked, so that an operator never meets a service whose every
 * write is a bare 401. In production a service with no key to verify tokens with does not start,
 * unless {@code citylinks.auth.read-only=true} says that it is meant to serve reads only.
 */
@Singleton
public class AuthenticationReport {

    private static final Logger LOG = Logger.getLogger(AuthenticationReport.class);

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keyLocation;

    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> inlineKey;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @Inject
    AuthSettings settings;

    void onStart(@Observes StartupEvent event) {
        Optional<String> key = keyLocation.filter(s -> !s.isBlank()).or(() -> inlineKey.filter(s -> !s.isBlank()).map(s -> "(inline key)"));
        if (key.isEmpty()) {
            String missing = "No key to verify bearer tokens with is configured (MP_JWT_VERIFY_PUBLICKEY_LOCATION:"
                    + " a PEM or JWK file, or the JWKS URL of your identity provider; with MP_JWT_VERIFY_ISSUER,"
                    + " its issuer).";
            if (LaunchMode.current() == LaunchMode.NORMAL && !settings.readOnly()) {
                throw new IllegalStateException(missing + " Every write would be refused. Configure the key, or set"
                        + " CITYLINKS_AUTH_READ_ONLY=true to serve reads only.");
            }
            LOG.warn(missing + " Reads are served; every write is refused with 401.");
            return;
        }
        LOG.infof("Authentication: writes need an RS256 bearer token from issuer %s, verified with the key at %s;"
                + " roles from its groups claim (editor writes, admin also deletes and imports).",
                issuer.orElse("(any)"), key.get());
    }
}
