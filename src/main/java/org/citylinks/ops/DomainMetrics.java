package org.citylinks.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.citylinks.partnership.PartnershipStatus;
import org.citylinks.proposal.ProposalStatus;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Gauges of the domain, for dashboards: proposals by status and partnerships by status. Counted
 * every 30 seconds (one grouped query each), so a scrape never waits on the database.
 */
@ApplicationScoped
public class DomainMetrics {

    private static final Logger LOG = Logger.getLogger(DomainMetrics.class);

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    private final Map<String, AtomicLong> proposals = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> partnerships = new ConcurrentHashMap<>();

    void register(@jakarta.enterprise.event.Observes StartupEvent started) {
        for (ProposalStatus status : ProposalStatus.values()) {
            AtomicLong count = proposals.computeIfAbsent(status.name(), s -> new AtomicLong());
            Gauge.builder("citylinks.proposals", count, AtomicLong::get).tag("status", status.name())
                    .description("Proposals in each status").register(registry);
        }
        for (PartnershipStatus status : PartnershipStatus.values()) {
            AtomicLong count = partnerships.computeIfAbsent(status.name(), s -> new AtomicLong());
            Gauge.builder("citylinks.partnerships", count, AtomicLong::get).tag("status", status.name())
                    .description("Partnerships in each status").register(registry);
        }
    }

    @Scheduled(every = "30s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                count("SELECT status, count(*) AS count FROM proposal GROUP BY status", proposals);
                count("SELECT status, count(*) AS count FROM partnership GROUP BY status", partnerships);
            });
        } catch (RuntimeException e) {
            LOG.debugf("Domain gauges not refreshed: %s", e.getMessage()); // the database is away; health says so
        }
    }

    /** Counts by status; {@code sql} selects the columns {@code status} and {@code count}. */
    private void count(String sql, Map<String, AtomicLong> gauges) {
        Map<String, Long> counted = new java.util.HashMap<>();
        @SuppressWarnings("unchecked")
        java.util.List<jakarta.persistence.Tuple> rows = entityManager.createNativeQuery(sql, jakarta.persistence.Tuple.class)
                .getResultList();
        for (jakarta.persistence.Tuple row : rows) {
            counted.put(row.get("status", String.class), row.get("count", Number.class).longValue());
        }
        gauges.forEach((status, count) -> count.set(counted.getOrDefault(status, 0L)));
    }
}
