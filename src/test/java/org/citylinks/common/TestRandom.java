package org.citylinks.common;

import java.util.Random;

/**
 * The one source of randomness of the tests (made-up names, coordinates, ids), seeded so that a
 * failing run can be repeated: the seed is printed once, and {@code -Dcitylinks.test.seed=N} runs
 * with it again. Each run has a fresh embedded database, so a fixed default seed repeats no data;
 * against an external database (QUARKUS_DATASOURCE_JDBC_URL), whose rows outlive a run, the
 * default seed is taken from the clock instead.
 */
public final class TestRandom {

    public static final long SEED;
    private static final Random RANDOM;

    static {
        String external = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        long fallback = external == null || external.isBlank() ? 20261202L : System.nanoTime();
        SEED = Long.getLong("citylinks.test.seed", fallback);
        RANDOM = new Random(SEED);
        System.out.println("Test randomness: seed " + SEED + " (repeat with -Dcitylinks.test.seed=" + SEED + ")");
    }

    private TestRandom() {
    }

    public static int nextInt(int bound) {
        return RANDOM.nextInt(bound);
    }

    public static double nextDouble() {
        return RANDOM.nextDouble();
    }

    /** A whole number from 0 up to, not including, {@code bound}. */
    public static long nextLong(long bound) {
        return RANDOM.nextLong(bound);
    }
}
