package org.citylinks.partnership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps partnership health and agreement status right as time passes. The database recomputes it whenever activity
 * changes (V6 triggers); what it cannot see is a date going by, so this job recomputes every
 * partnership's health at start-up (after writing the configured thresholds where the triggers
 * read them) and shortly after every midnight UTC. A health that changes moves the version on,
 * so ETags and the change feed see it. Running it on several replicas at once is harmless.
 */
@ApplicationScoped
public class PartnershipHealthJob {

    private static final Logger LOG = Logger.getLogger(PartnershipHealthJob.class);

    @Inject
    EntityManager em;

    @Inject
    HealthSettings settings;

    @Inject
    AgreementSettings agreements;

    void onStart(@Observes StartupEvent started) {
        settings.check();
        agreements.check();
        if (!settings.refreshAtStart()) {
            return;
        }
        int quietAfterYears = settings.quietAfterYears();
        int dormantAfterYears = settings.dormantAfterYears();
        int changed = configureAndRefresh();
        LOG.infof("Partnership health: ACTIVE within %d years, QUIET within %d; agreements EXPIRING within %d days;"
                + " %d partnerships changed health or agreement status", quietAfterYears, dormantAfterYears,
                agreements.expiringWithinDays(), changed);
    }

    @Transactional
    int configureAndRefresh() {
        em.createNativeQuery("UPDATE partnership_health_setting SET quiet_after_years = ?1, dormant_after_years = ?2"
                + " WHERE quiet_after_years <> ?1 OR dormant_after_years <> ?2")
                .setParameter(1, settings.quietAfterYears()).setParameter(2, settings.dormantAfterYears()).executeUpdate();
        em.createNativeQuery("UPDATE partnership_health_setting SET expiring_within_days = ?1 WHERE expiring_within_days <> ?1")
                .setParameter(1, agreements.expiringWithinDays()).executeUpdate();
        return refresh();
    }

    @Scheduled(cron = "0 5 0 * * ?", timeZone = "UTC", identity = "partnership-health",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        LOG.infof("Partnership health: %d partnerships changed health or agreement status with the date", refresh());
    }

    /**
     * Recomputes every partnership's health and agreement status for today (the row's trigger sets
     * the status); returns how many changed.
     */
    @Transactional
    public int refresh() {
        return em.createNativeQuery("UPDATE partnership SET health = partnership_health_of(last_activity_on, since),"
                + " version = version + 1 WHERE health <> partnership_health_of(last_activity_on, since)"
                + " OR agreement_status <> partnership_agreement_status_of(signed_on, in_force_from, valid_until)")
                .executeUpdate();
    }
}
