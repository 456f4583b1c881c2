package org.citylinks.visit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.citylinks.common.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A delegation's visit from one city to another, in person or not. */
@Entity
@Table(name = "visit")
public class Visit extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(name = "from_city_id", nullable = false)
    public UUID fromCityId;

    @Column(name = "to_city_id", nullable = false)
    public UUID toCityId;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public VisitMode mode;

    @Column(length = 2000)
    public String purpose;

    public String summary;

    @Column(length = 300)
    public String facilitator;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> topics = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> outcomes = new ArrayList<>();

    @Column(name = "proposal_id")
    public UUID proposalId;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "visit_delegate", joinColumns = @JoinColumn(name = "visit_id"))
    @OrderColumn(name = "position")
    public List<Person> delegation = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "visit_host", joinColumns = @JoinColumn(name = "visit_id"))
    @OrderColumn(name = "position")
    public List<Person> hosts = new ArrayList<>();

    /** Both sides' names, roles and organizations in one text, for search. */
    @Column(name = "people_text", nullable = false)
    public String peopleText = "";

    /** Its owner, visibility and audience. */
    @jakarta.persistence.Embedded
    public org.citylinks.common.RecordAccess access = new org.citylinks.common.RecordAccess();
}
