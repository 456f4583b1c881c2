package org.citylinks.proposal;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What the other features need to know of proposals: whether the id a visit names exists for its caller. */
@ApplicationScoped
public class ProposalDirectory {

    @Inject
    ProposalRepository proposals;

    /** Whether there is a proposal with this id that {@code caller} may see. */
    public boolean exists(UUID id, org.citylinks.common.Viewer caller) {
        return proposals.findByIdOptional(id).map(p -> caller.sees(p.access)).orElse(false);
    }
}
