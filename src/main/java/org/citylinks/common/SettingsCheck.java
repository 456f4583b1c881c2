package org.citylinks.common;

/**
 * Checks of numeric settings, made as the service starts, so that a value out of range stops it
 * with the property's name as the operator wrote it. They are not Bean Validation constraints on
 * the mappings: with a single constrained {@code @ConfigMapping}, Quarkus 3.33 builds a validator
 * over every configuration class of the application and its extensions on each start, which
 * measured 0.55 s of a 2.9 s start (README, Performance).
 */
public final class SettingsCheck {

    private SettingsCheck() {
    }

    /** The value, when it is from {@code min} to {@code max}. */
    public static int between(String property, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalStateException(property + " is " + value + ": it must be from " + min + " to " + max);
        }
        return value;
    }

    /** The value, when it is {@code min} or more. */
    public static int atLeast(String property, int value, int min) {
        if (value < min) {
            throw new IllegalStateException(property + " is " + value + ": it must be at least " + min);
        }
        return value;
    }

    /** Stops the start with the message unless the condition holds. */
    public static void require(boolean holds, String message) {
        if (!holds) {
            throw new IllegalStateException(message);
        }
    }
}
