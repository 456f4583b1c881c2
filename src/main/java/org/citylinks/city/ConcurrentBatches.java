package org.citylinks.city;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Batches written on {@code writers} threads while the caller reads the next: at most that many
 * are in flight, so memory stays bounded, and each carries the keys of its rows, so that a later
 * row for a key waits until the batch holding the earlier one is written (the later line wins).
 */
final class ConcurrentBatches implements AutoCloseable {

    /** A batch being written, and the keys of its rows. */
    private record Writing(Future<?> done, Set<String> keys) {
    }

    private final int writers;
    private final ExecutorService executor;
    private final Deque<Writing> writing = new ArrayDeque<>();

    ConcurrentBatches(int writers) {
        this.writers = writers;
        this.executor = Executors.newFixedThreadPool(writers);
    }

    /** Whether a batch in flight holds a row for {@code key}. */
    boolean inFlight(String key) {
        return writing.stream().anyMatch(w -> w.keys().contains(key));
    }

    /**
     * Hands {@code write} to a writer once one is free; {@code alone} waits for every batch in
     * flight first and for this one after (a batch whose rows are matched on their content, so that
     * two batches never both create the same row).
     */
    void submit(Runnable write, Set<String> keys, boolean alone) {
        while (writing.size() >= writers || alone && !writing.isEmpty()) {
            finish(writing.removeFirst());
        }
        writing.addLast(new Writing(executor.submit(() -> inRequestContext(write)), Set.copyOf(keys)));
        if (alone) {
            finishAll();
        }
    }

    /**
     * Runs a batch in a request context of its own: Hibernate asks which database a session uses
     * (ReadRouting) only within one, and a writer thread has none of its own.
     */
    private static void inRequestContext(Runnable write) {
        io.quarkus.arc.ManagedContext context = io.quarkus.arc.Arc.container().requestContext();
        context.activate();
        try {
            write.run();
        } finally {
            context.terminate();
        }
    }

    /** Waits for every batch in flight; a batch's failure is thrown here. */
    void finishAll() {
        while (!writing.isEmpty()) {
            finish(writing.removeFirst());
        }
    }

    private static void finish(Writing batch) {
        try {
            batch.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // the mapper turns a database failure into its problem
            }
            throw new IllegalStateException("A batch of the import failed", e.getCause());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
