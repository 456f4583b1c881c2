package org.citylinks.partnership;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.citylinks.api.model.AgreementStatusDto;
import org.citylinks.api.model.CitySummaryDto;
import org.citylinks.api.model.PartnerDto;
import org.citylinks.api.model.PartnerPageDto;
import org.citylinks.api.model.PartnershipDto;
import org.citylinks.api.model.PartnershipHealthDto;
import org.citylinks.api.model.PartnershipInputDto;
import org.citylinks.api.model.PartnershipStatusDto;
import org.citylinks.api.model.ProgrammeProgressDto;
import org.citylinks.api.model.RelationshipTypeDto;
import org.citylinks.city.CitySummary;

/** Copies between the partnership entity and the contract's models. */
final class PartnershipMapper {

    private PartnershipMapper() {
    }

    static PartnerPageDto toDto(PartnershipRepository.PartnerPage page) {
        return new PartnerPageDto().next(page.next()).items(page.partners().stream().map(partner -> new PartnerDto()
                .partnershipId(partner.partnershipId())
                .partner(new CitySummaryDto(partner.cityId(), partner.cityName(), partner.cityCountryCode()))
                .relationshipType(RelationshipTypeDto.valueOf(partner.type().name()))
                .fields(CooperationFields.toDtos(partner.fields()))
                .since(partner.since())
                .status(PartnershipStatusDto.valueOf(partner.status().name()))).toList());
    }

    static PartnershipDto toDto(Partnership partnership, Map<UUID, CitySummary> cities) {
        PartnershipDto dto = new PartnershipDto();
        dto.setId(partnership.id);
        dto.setCityIds(List.of(partnership.cityAId, partnership.cityBId));
        dto.setCities(List.of(CitySummary.toDto(cities.get(partnership.cityAId)), CitySummary.toDto(cities.get(partnership.cityBId))));
        dto.setRelationshipType(RelationshipTypeDto.valueOf(partnership.relationshipType.name()));
        dto.setFields(CooperationFields.toDtos(partnership.fields));
        dto.setSince(partnership.since);
        dto.setStatus(PartnershipStatusDto.valueOf(partnership.status.name()));
        dto.setDescription(partnership.description);
        dto.setSourceProposalId(partnership.sourceProposalId);
        dto.setLastActivityOn(partnership.lastActivityOn);
        dto.setActivityCount(partnership.activityCount);
        dto.setHealth(PartnershipHealthDto.valueOf(partnership.health.name()));
        dto.setSignedOn(partnership.signedOn);
        dto.setInForceFrom(partnership.inForceFrom);
        dto.setValidUntil(partnership.validUntil);
        dto.setAgreementStatus(AgreementStatusDto.valueOf(partnership.agreementStatus.name()));
        dto.setRenewalCount(partnership.renewalCount);
        dto.setProgrammeProgress(new ProgrammeProgressDto(partnership.programmesPlanned, partnership.programmesUnderway,
                partnership.programmesDone, partnership.programmesDropped));
        dto.setCreatedAt(partnership.createdAt.atOffset(java.time.ZoneOffset.UTC));
        dto.setUpdatedAt(partnership.updatedAt.atOffset(java.time.ZoneOffset.UTC));
        dto.setCreatedBy(partnership.createdBy);
        dto.setUpdatedBy(partnership.updatedBy);
        return dto;
    }

    static PartnershipInputDto toInput(Partnership partnership) {
        PartnershipInputDto input = new PartnershipInputDto();
        input.setCityIds(new ArrayList<>(List.of(partnership.cityAId, partnership.cityBId)));
        input.setRelationshipType(RelationshipTypeDto.valueOf(partnership.relationshipType.name()));
        input.setFields(new LinkedHashSet<>(CooperationFields.toDtos(partnership.fields)));
        input.setSince(partnership.since);
        input.setStatus(PartnershipStatusDto.valueOf(partnership.status.name()));
        input.setDescription(partnership.description);
        input.setSignedOn(partnership.signedOn);
        input.setInForceFrom(partnership.inForceFrom);
        input.setValidUntil(partnership.validUntil);
        return input;
    }

    static void apply(PartnershipInputDto input, Partnership partnership) {
        partnership.setCities(input.getCityIds().get(0), input.getCityIds().get(1));
        partnership.relationshipType = RelationshipType.valueOf(input.getRelationshipType().name());
        partnership.fields = CooperationFields.names(input.getFields());
        partnership.since = input.getSince();
        partnership.status = input.getStatus() == null ? PartnershipStatus.ACTIVE
                : PartnershipStatus.valueOf(input.getStatus().name());
        partnership.description = input.getDescription();
        partnership.signedOn = input.getSignedOn();
        partnership.inForceFrom = input.getInForceFrom();
        partnership.validUntil = input.getValidUntil();
    }
}
