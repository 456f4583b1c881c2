package org.citylinks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** An operator who sets a number out of range sees the start stop with the property named as written. */
class SettingsCheckTest {

    @Test
    void aValueInRangePassesThrough() {
        assertEquals(16, SettingsCheck.between("citylinks.webhooks.concurrency", 16, 1, 256));
        assertEquals(0, SettingsCheck.atLeast("citylinks.http.public-cache-max-age", 0, 0));
    }

    @Test
    void aValueOutOfRangeStopsTheStartNamingTheProperty() {
        assertEquals("citylinks.webhooks.concurrency is 0: it must be from 1 to 256",
                assertThrows(IllegalStateException.class,
                        () -> SettingsCheck.between("citylinks.webhooks.concurrency", 0, 1, 256)).getMessage());
        assertEquals("citylinks.http.public-cache-max-age is -1: it must be at least 0",
                assertThrows(IllegalStateException.class,
                        () -> SettingsCheck.atLeast("citylinks.http.public-cache-max-age", -1, 0)).getMessage());
        assertEquals("citylinks.partnership-health.dormant-after-years must be more than quiet-after-years",
                assertThrows(IllegalStateException.class, () -> SettingsCheck.require(false,
                        "citylinks.partnership-health.dormant-after-years must be more than quiet-after-years"))
                        .getMessage());
    }
}
