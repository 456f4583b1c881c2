package org.citylinks.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One move of a proposal's status: appended to its history, never changed. */
@Entity
@Table(name = "proposal_event")
public class ProposalEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "proposal_id", nullable = false)
    public UUID proposalId;

    /** When the move was recorded. */
    @Column(nullable = false)
    public Instant at;

    /** The day the move happened, which may be before it was recorded. */
    @Column(name = "happened_on", nullable = false)
    public LocalDate happenedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 30)
    public ProposalStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 30)
    public ProposalStatus toStatus;

    @Column(length = 2000)
    public String note;

    @Column(name = "recorded_by", length = 200)
    public String recordedBy;
}
