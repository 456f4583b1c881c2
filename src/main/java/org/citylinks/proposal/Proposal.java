package org.citylinks.proposal;

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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.citylinks.city.Network;
import org.citylinks.common.AuditedEntity;
import org.citylinks.partnership.RelationshipType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A proposal from one city to another: its terms, its programmes and its status. */
@Entity
@Table(name = "proposal")
public class Proposal extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(name = "proposer_city_id", nullable = false)
    public UUID proposerCityId;

    @Column(name = "partner_city_id", nullable = false)
    public UUID partnerCityId;

    @Enumerated(EnumType.STRING)
    @Column(name = "relationship_type", nullable = false, length = 30)
    public RelationshipType relationshipType;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public Network framework;

    /** The fields of cooperation, by their contract names. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> fields = new ArrayList<>();

    @Column(length = 300)
    public String facilitator;

    public String summary;

    /** Changed only by {@link ProposalService#transition}, under the rules of {@link ProposalTransitions}. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public ProposalStatus status;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "proposal_programme", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderBy("number")
    public List<Programme> programmes = new ArrayList<>();

    /**
     * Who signed for each side; see {@link ProposalTransitions#sign}. Loaded with the proposal (at
     * most two rows, one query per page of proposals): the answer is written after the transaction.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @org.hibernate.annotations.Fetch(org.hibernate.annotations.FetchMode.SUBSELECT)
    @CollectionTable(name = "proposal_signature", joinColumns = @JoinColumn(name = "proposal_id"))
    public List<Signature> signatures = new ArrayList<>();

    /** The programmes' titles and descriptions in one text, for search. */
    @Column(name = "programme_text", nullable = false)
    public String programmeText = "";

    /** Its owner, visibility and audience. */
    @jakarta.persistence.Embedded
    public org.citylinks.common.RecordAccess access = new org.citylinks.common.RecordAccess();

    /** The organisation that facilitates, when it is one CityLinks knows; it is then a party. */
    @Column(name = "facilitator_organization_id")
    public UUID facilitatorOrganizationId;
}
