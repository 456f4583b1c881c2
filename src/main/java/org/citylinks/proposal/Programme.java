package org.citylinks.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One numbered programme of a proposal and the partner's decision on it. */
@Embeddable
public class Programme {

    @Column(nullable = false)
    public int number;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(length = 5000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ProgrammeDecision decision = ProgrammeDecision.PENDING;

    @Column(name = "decision_note", length = 2000)
    public String decisionNote;

    /** Whether this programme proposes the same as {@code title} and {@code description} do. */
    boolean says(String otherTitle, String otherDescription) {
        return title.equals(otherTitle) && java.util.Objects.equals(description, otherDescription);
    }
}
