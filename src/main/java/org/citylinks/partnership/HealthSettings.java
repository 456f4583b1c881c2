package org.citylinks.partnership;

import org.citylinks.common.SettingsCheck;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The thresholds of partnership health (README, Partnership health), checked at start-up. The
 * job copies them into the table the database's triggers read, so that a health computed in SQL
 * uses the same ones.
 */
@ConfigMapping(prefix = "citylinks.partnership-health")
public interface HealthSettings {

    /** ACTIVE with activity within this many years. */
    @WithDefault("2")
    int quietAfterYears();

    /** QUIET within this many, DORMANT before. */
    @WithDefault("5")
    int dormantAfterYears();

    /**
     * Whether start-up recomputes health before the service is ready. Off only for the container
     * image's training run (src/main/docker/train-aot.sh), which starts the service with no database.
     */
    @WithDefault("true")
    boolean refreshAtStart();

    /** Stops the start when a threshold is out of range ({@link PartnershipHealthJob} calls it). */
    default void check() {
        SettingsCheck.atLeast("citylinks.partnership-health.quiet-after-years", quietAfterYears(), 1);
        SettingsCheck.require(dormantAfterYears() > quietAfterYears(),
                "citylinks.partnership-health.dormant-after-years must be more than quiet-after-years");
    }
}
