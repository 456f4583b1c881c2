package org.citylinks.proposal;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What the other features need to know of proposals: whether the id a visit names exists. */
@ApplicationScoped
public class ProposalDirectory {

    @Inject
    ProposalRepository proposals;

    public boolean exists(UUID id) {
        return proposals.exists(id);
    }
}
