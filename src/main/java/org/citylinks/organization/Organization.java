package org.citylinks.organization;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.citylinks.common.AuditedEntity;

/** An organisation that uses CityLinks: tokens name those their holder belongs to. */
@Entity
@Table(name = "organization")
public class Organization extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 300)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public OrganizationKind kind;

    /** The city a city government represents; null for every other kind. */
    @Column(name = "city_id")
    public UUID cityId;

    @Column(length = 2000)
    public String website;
}
