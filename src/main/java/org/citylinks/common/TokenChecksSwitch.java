package org.citylinks.common;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Turns quarkus-oidc's default tenant off when there is nothing to check tokens with (neither an
 * identity provider nor a static key): quarkus-oidc would refuse to start, before
 * {@code AuthenticationReport} can say what to configure or honour {@code citylinks.auth.read-only}
 * (a read-only service then answers every write with 401). An explicit
 * {@code quarkus.oidc.tenant-enabled} wins: this source's ordinal is below every configured one.
 */
public class TokenChecksSwitch implements ConfigSourceFactory {

    private static final int ORDINAL = 110;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // Always say it, true as well as false: the build also runs this factory (without the
        // deployment's settings) and records what it saw as a runtime default.
        boolean configured = configured(context, "quarkus.oidc.auth-server-url") || configured(context, "quarkus.oidc.public-key");
        return List.of(new PropertiesConfigSource(Map.of("quarkus.oidc.tenant-enabled", Boolean.toString(configured)),
                "CityLinks: whether token checks are configured", ORDINAL));
    }

    private static boolean configured(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
