package org.citylinks.proposal;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What the other features need to know of proposals: whether the id a visit names exists for its caller. */
@ApplicationScoped
public class ProposalDirectory {

    @Inject
    ProposalRepository proposals;

    /** The proposals among {@code ids} that {@code caller} may see. */
    public java.util.Set<UUID> visibleAmong(java.util.Collection<UUID> ids, org.citylinks.common.Viewer caller) {
        java.util.Set<UUID> wanted = new java.util.HashSet<>(ids);
        wanted.remove(null);
        if (wanted.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<UUID> visible = new java.util.HashSet<>();
        proposals.list("id IN ?1", wanted).forEach(p -> {
            if (caller.sees(p.access)) {
                visible.add(p.id);
            }
        });
        return visible;
    }

    /** Whether there is a proposal with this id that {@code caller} may see. */
    public boolean exists(UUID id, org.citylinks.common.Viewer caller) {
        return proposals.findByIdOptional(id).map(p -> caller.sees(p.access)).orElse(false);
    }
}
