package org.citylinks.partnership;

import java.util.UUID;

/**
 * What a client asked of the partnership list.
 *
 * @param text             words of the partner cities' names or of the description ({@code q}), or null
 * @param cityId           only those of this city, or null
 * @param relationshipType only of this kind, or null
 * @param status           only in this status, or null
 * @param health           only in this health, or null
 * @param agreementStatus  only with the agreement standing so, or null
 * @param expiresBefore    only with the agreement's last day before this day, or null
 * @param field            only covering this field of cooperation (its contract name), or null
 * @param sort             the {@code sort} parameter, or null for the default
 */
public record PartnershipSearch(String text, UUID cityId, RelationshipType relationshipType, PartnershipStatus status,
        PartnershipHealth health, AgreementStatus agreementStatus, java.time.LocalDate expiresBefore, String field,
        String sort, int limit, String cursor) {
}
