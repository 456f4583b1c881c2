package org.citylinks.partnership;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A programme a partnership carries out: one the partner accepted in the signed proposal (under
 * its number there) or one added since. Its changes move the partnership's version and counts
 * (V13 trigger), so it has no version of its own: its ETag is the partnership's.
 */
@Entity
@Table(name = "partnership_programme")
@IdClass(PartnershipProgramme.Key.class)
public class PartnershipProgramme extends PanacheEntityBase {

    @Id
    @Column(name = "partnership_id")
    public UUID partnershipId;

    @Id
    public int number;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(length = 5000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ProgrammeStatus status = ProgrammeStatus.PLANNED;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "finished_on")
    public LocalDate finishedOn;

    @Column(length = 5000)
    public String notes;

    @Column(name = "from_proposal", nullable = false)
    public boolean fromProposal;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", length = 200)
    public String updatedBy;

    /** The composite key: the partnership and the number within it. */
    public static class Key implements Serializable {

        public UUID partnershipId;
        public int number;

        public Key() {
        }

        public Key(UUID partnershipId, int number) {
            this.partnershipId = partnershipId;
            this.number = number;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && number == key.number && Objects.equals(partnershipId, key.partnershipId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(partnershipId, number);
        }
    }
}
