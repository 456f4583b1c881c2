package org.citylinks.partnership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One renewal of a partnership's agreement: written once, never changed. */
@Entity
@Table(name = "partnership_renewal")
public class PartnershipRenewal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Column(name = "renewed_on", nullable = false)
    public LocalDate renewedOn;

    @Column(name = "previous_valid_until", nullable = false)
    public LocalDate previousValidUntil;

    /** The new last day; null when renewed without an end. */
    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(length = 2000)
    public String note;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", length = 200)
    public String createdBy;
}
