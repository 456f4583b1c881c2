package org.citylinks.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** Deletes the idempotency keys older than a day, hourly (every replica may; deleting twice is harmless). */
@ApplicationScoped
public class IdempotencyKeyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class);

    @Inject
    EntityManager entityManager;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        purgeExpired();
    }

    /** Deletes the expired keys now; how many there were. */
    public int purgeExpired() {
        int purged = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "DELETE FROM idempotency_key WHERE created_at < now() - interval '24 hours'").executeUpdate());
        if (purged > 0) {
            LOG.infof("Purged %d expired idempotency keys", purged);
        }
        return purged;
    }
}
