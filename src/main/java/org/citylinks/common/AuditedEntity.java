package org.citylinks.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What every resource row records: its version (the ETag) and who made and last changed it, when. */
@MappedSuperclass
public abstract class AuditedEntity extends PanacheEntityBase {

    /** Drives the ETag and optimistic locking: every change increments it. */
    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "created_by", length = 200)
    public String createdBy;

    @Column(name = "updated_by", length = 200)
    public String updatedBy;

    /** Records a creation by {@code user}. */
    public void created(String user) {
        createdAt = now();
        createdBy = user;
        updatedAt = createdAt;
        updatedBy = user;
    }

    /** Records a change by {@code user}; it also makes the row dirty, so its version moves on. */
    public void updated(String user) {
        updatedAt = now();
        updatedBy = user;
    }

    private static Instant now() {
        // PostgreSQL keeps microseconds; the answer should show what a later read will show.
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
