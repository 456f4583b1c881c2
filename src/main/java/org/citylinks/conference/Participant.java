package org.citylinks.conference;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A city taking part in a conference. */
@Embeddable
public class Participant {

    @Column(name = "city_id", nullable = false)
    public UUID cityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ParticipantRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public InvitationStatus status;

    /** The group the city is in, as the topic groups of WCCF's Leadership Exchange Programme. */
    @Column(length = 200)
    public String track;
}
