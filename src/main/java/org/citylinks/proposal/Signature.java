package org.citylinks.proposal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One side's signature of a proposal: a proposal is signed once both sides have one. */
@Embeddable
public class Signature {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public ProposalSide side;

    /** The organisation that signed for the side; null when an operator signed for it. */
    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "signed_by", length = 200)
    public String signedBy;

    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;
}
