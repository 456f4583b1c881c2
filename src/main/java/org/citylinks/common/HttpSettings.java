package org.citylinks.common;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the service presents itself over HTTP (README, Configuration); {@link CachePolicy} checks it at start-up. */
@ConfigMapping(prefix = "citylinks.http")
public interface HttpSettings {

    /** The public address that links are built under ({@link PageLinks}); none: relative references. */
    Optional<String> publicBaseUrl();

    /** How long shared caches may keep an anonymous read ({@link CachePolicy}), in seconds. */
    @WithDefault("60")
    int publicCacheMaxAge();
}
