package org.citylinks.conference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import jakarta.persistence.Table;

import org.citylinks.city.Network;
import org.citylinks.common.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A conference, its host and the cities taking part. */
@Entity
@Table(name = "conference")
public class Conference extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 300)
    public String name;

    @Column(name = "host_city_id", nullable = false)
    public UUID hostCityId;

    @Column(length = 300)
    public String organizer;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public Network network;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ConferenceMode mode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> topics = new ArrayList<>();

    public String description;

    // Changing one participant rewrites the list's rows and moves the conference's version on, so
    // two concurrent participant changes cannot both win.
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "conference_participant", joinColumns = @JoinColumn(name = "conference_id"))
    public List<Participant> participants = new ArrayList<>();

    /** The participants' tracks in one text, for search. */
    @Column(name = "track_text", nullable = false)
    public String trackText = "";

    public Optional<Participant> participant(UUID cityId) {
        return participants.stream().filter(p -> p.cityId.equals(cityId)).findFirst();
    }

    /** Keeps {@link #trackText} in step with the participants. */
    void participantsChanged() {
        trackText = String.join(" ", participants.stream().map(p -> p.track).filter(t -> t != null).distinct().toList());
        java.util.List<UUID> cities = new java.util.ArrayList<>();
        cities.add(hostCityId);
        participants.forEach(p -> cities.add(p.cityId));
        access.audience(java.util.List.of(), cities);
    }

    /** Its owner, visibility and audience. */
    @jakarta.persistence.Embedded
    public org.citylinks.common.RecordAccess access = new org.citylinks.common.RecordAccess();
}
