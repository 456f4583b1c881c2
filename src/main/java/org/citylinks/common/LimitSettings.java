package org.citylinks.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The limits of what a request may hold beyond the contract's own bounds; checked at start-up. */
@ConfigMapping(prefix = "citylinks.limits")
public interface LimitSettings {

    /** The largest JSON body ({@link OversizedBodies}); CSV imports stream up to the HTTP layer's limit. */
    @WithDefault("1M")
    MemorySize jsonBodySize();
}
