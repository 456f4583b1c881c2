package org.citylinks.partnership;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The thresholds of partnership health (README, Partnership health), validated at start-up. The
 * job copies them into the table the database's triggers read, so that a health computed in SQL
 * uses the same ones.
 */
@ConfigMapping(prefix = "citylinks.partnership-health")
public interface HealthSettings {

    /** ACTIVE with activity within this many years. */
    @WithDefault("2")
    @Min(1)
    int quietAfterYears();

    /** QUIET within this many, DORMANT before. */
    @WithDefault("5")
    int dormantAfterYears();

    @AssertTrue(message = "dormant-after-years must be more than quiet-after-years")
    default boolean isOrdered() {
        return dormantAfterYears() > quietAfterYears();
    }
}
