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
        long deadline = System.nanoTime() + 10_000_000_000L;
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
