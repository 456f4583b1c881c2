package org.citylinks.common;

/**
 * Retries an assertion for a few seconds: for what the service does just after a commit rather
 * than in it, such as forgiving typos in words a write has just added to the search vocabulary
 * (milliseconds later, when the notice of them has arrived).
 */
public final class Eventually {

    private Eventually() {
    }

    public static void passes(Runnable assertion) {
        passesWithin(java.time.Duration.ofSeconds(10), assertion);
    }

    /** As {@link #passes}, for what takes longer to happen (a webhook's retry window running out). */
    public static void passesWithin(java.time.Duration patience, Runnable assertion) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                try {
                    Thread.sleep(25);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw notYet;
                }
            }
        }
    }
}
