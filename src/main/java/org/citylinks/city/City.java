package org.citylinks.city;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.citylinks.common.AuditedEntity;

/** A city and its network memberships. */
@Entity
@Table(name = "city")
public class City extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "ascii_name", nullable = false, length = 200)
    public String asciiName;

    @Column(name = "country_code", nullable = false, length = 2)
    public String countryCode;

    @Column(length = 200)
    public String region;

    public Double lat;

    public Double lon;

    public Long population;

    @Column(name = "geonames_id", length = 12)
    public String geonamesId;

    @Column(name = "wikidata_id", length = 13)
    public String wikidataId;

    @Column(name = "simplemaps_id", length = 12)
    public String simplemapsId;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "city_membership", joinColumns = @JoinColumn(name = "city_id"))
    @OrderBy("network, field") // the order of a list page's rows too (CitySearchQuery.COLUMNS)
    public List<Membership> memberships = new ArrayList<>();

    /** The organisation that added the city, which maintains it until the city has a government. */
    /**
     * The city's other names, as the JSON array the row keeps ({@code [{"name": ..., "language": ...}]});
     * {@link AlternateNames} reads and writes it. Kept as JSON text so that no JSON mapper of the
     * persistence layer is involved.
     */
    @Column(name = "alternate_names", nullable = false, columnDefinition = "jsonb")
    @org.hibernate.annotations.ColumnTransformer(read = "alternate_names::text", write = "CAST(? AS jsonb)")
    public String alternateNames = "[]";

    @Column(name = "owner_organization_id")
    public UUID ownerOrganizationId;
}
