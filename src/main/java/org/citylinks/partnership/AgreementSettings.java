package org.citylinks.partnership;

import org.citylinks.common.SettingsCheck;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * When an agreement counts as expiring (README, Configuration). The health job copies it into the
 * table the database reads, so that the status computed in SQL uses the same window.
 */
@ConfigMapping(prefix = "citylinks.partnership-agreement")
public interface AgreementSettings {

    /** {@code EXPIRING} when the agreement's last day is at most this many days away: 0 to 3660. */
    @WithDefault("180")
    int expiringWithinDays();

    /** Stops the start when the window is out of range ({@link PartnershipHealthJob} calls it). */
    default void check() {
        SettingsCheck.between("citylinks.partnership-agreement.expiring-within-days", expiringWithinDays(), 0, 3660);
    }
}
