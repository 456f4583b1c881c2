package org.citylinks.proposal;

import java.util.UUID;

import org.citylinks.partnership.RelationshipType;

/**
 * What a client asked of the proposal list.
 *
 * @param text             the {@code q} words, or null
 * @param cityId           only those this city made or received, or null
 * @param status           only in this status, or null
 * @param field            only covering this field of cooperation (its contract name), or null
 * @param relationshipType only proposing this kind of tie, or null
 * @param sort             the {@code sort} parameter, or null for the default
 */
public record ProposalSearch(String text, UUID cityId, ProposalStatus status, String field,
        RelationshipType relationshipType, String sort, int limit, String cursor) {
}
