package org.citylinks.partnership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.citylinks.common.AuditedEntity;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.generator.EventType;
import org.hibernate.type.SqlTypes;

/**
 * An established tie between two cities. The pair is unordered: it is stored once with the smaller
 * id (in PostgreSQL's uuid order) as {@code cityA}, whichever order a client names them in.
 */
@Entity
@Table(name = "partnership")
public class Partnership extends AuditedEntity {

    @Id
    public UUID id;

    @Column(name = "city_a_id", nullable = false)
    public UUID cityAId;

    @Column(name = "city_b_id", nullable = false)
    public UUID cityBId;

    @Enumerated(EnumType.STRING)
    @Column(name = "relationship_type", nullable = false, length = 30)
    public RelationshipType relationshipType;

    /** The fields of cooperation, by their contract names. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> fields = new ArrayList<>();

    /** A year ({@code 1994}) or a day ({@code 2023-04-14}); null when not known (imported ties). */
    @Column(length = 10)
    public String since;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public PartnershipStatus status;

    @Column(length = 5000)
    public String description;

    @Column(name = "source_proposal_id")
    public UUID sourceProposalId;

    /** Both cities' names, for search; a trigger keeps it right when a city is renamed. */
    @Column(name = "city_names", nullable = false)
    public String cityNames = "";

    // Activity and health are the database's (V6 triggers): written there in the same transaction
    // as the visits, conferences and proposals they come from, and read back after each write.

    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "last_activity_on", insertable = false, updatable = false)
    public LocalDate lastActivityOn;

    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "activity_count", insertable = false, updatable = false)
    public int activityCount;

    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Enumerated(EnumType.STRING)
    @Column(insertable = false, updatable = false, length = 10)
    public PartnershipHealth health;

    // The agreement. Its status is the database's (V13 trigger), as health is.

    @Column(name = "signed_on")
    public LocalDate signedOn;

    @Column(name = "in_force_from")
    public LocalDate inForceFrom;

    /** The last day in force, after any renewal; null when open-ended or not recorded. */
    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "renewal_count", nullable = false)
    public int renewalCount;

    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Enumerated(EnumType.STRING)
    @Column(name = "agreement_status", insertable = false, updatable = false, length = 20)
    public AgreementStatus agreementStatus;

    // How many programmes are in each status: counted by the database (V13 trigger) when one moves.

    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "programmes_planned", insertable = false, updatable = false)
    public int programmesPlanned;

    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "programmes_underway", insertable = false, updatable = false)
    public int programmesUnderway;

    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "programmes_done", insertable = false, updatable = false)
    public int programmesDone;

    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "programmes_dropped", insertable = false, updatable = false)
    public int programmesDropped;

    /** Sets the pair in its stored order. */
    public void setCities(UUID first, UUID second) {
        // PostgreSQL orders uuids byte by byte, as their lower-case text sorts; UUID.compareTo does not.
        boolean inOrder = first.toString().compareTo(second.toString()) < 0;
        cityAId = inOrder ? first : second;
        cityBId = inOrder ? second : first;
    }
}
