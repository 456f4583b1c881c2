package org.citylinks.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How webhooks are delivered (README, Configuration). */
@ConfigMapping(prefix = "citylinks.webhooks")
public interface WebhookSettings {

    /** Whether this replica delivers; every replica may, since deliveries are claimed row by row. */
    @WithDefault("true")
    boolean deliver();

    /**
     * Networks (CIDR, such as {@code 10.20.0.0/16}) a subscription may reach although they are
     * private, loopback or link-local; a URL into one of them may also use plain {@code http}.
     * Empty: only public addresses, over https.
     */
    Optional<List<String>> allowedNetworks();

    /** The first retry's delay; each next one doubles it, with jitter, up to {@link #maxRetryDelay()}. */
    @WithDefault("PT5S")
    Duration firstRetryAfter();

    @WithDefault("PT1H")
    Duration maxRetryDelay();

    /** How long a delivery is retried before it fails and its subscription is disabled. */
    @WithDefault("P3D")
    Duration retryWindow();

    /** How long a receiver has to answer. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /** How long a claimed delivery is another replica's (or this one's after a crash) before it is sent again. */
    @WithDefault("PT60S")
    Duration claimTimeout();

    /** How often the feed and the due deliveries are looked at while there is nothing to do. */
    @WithDefault("PT0.2S")
    Duration pollInterval();

    /** How many deliveries are in flight at once, per replica: 1 to 256 ({@link WebhookDispatcher} checks it). */
    @WithDefault("16")
    int concurrency();
}
