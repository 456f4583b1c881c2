package org.citylinks.common;

import java.time.Duration;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much of the expensive operations one client, and this replica as a whole, may ask for in a
 * window. Both are per replica: a deployment of N replicas admits up to N times as much (the
 * README says what belongs to the ingress).
 */
@ConfigMapping(prefix = "citylinks.fair-use")
public interface FairUseSettings {

    @WithDefault("true")
    boolean enabled();

    /** Requests to the expensive operations one client may make in a window (its token's subject, else its address). */
    @WithDefault("30")
    long perClient();

    /** Requests to the expensive operations this replica serves in a window, all clients together. */
    @WithDefault("600")
    long perReplica();

    @WithDefault("60S")
    Duration window();

    /**
     * How long a client already past its bound waits for its 429: a client that ignores
     * Retry-After then sends few requests, and its refusals cost the CPU little.
     */
    @WithDefault("250ms")
    Duration refusalDelay();

    /** The operations bounded (the contract's operation ids). */
    @WithDefault("searchEverything,listPartnerSuggestions,getPartnershipMap,importCities,importPartnerships,getCityCalendar,getConferenceCalendar")
    Set<String> operations();
}
