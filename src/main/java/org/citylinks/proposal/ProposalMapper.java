package org.citylinks.proposal;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.citylinks.api.model.ProgrammeDecisionDto;
import org.citylinks.api.model.ProgrammeDto;
import org.citylinks.api.model.ProgrammeInputDto;
import org.citylinks.api.model.ProposalDto;
import org.citylinks.api.model.ProposalEventDto;
import org.citylinks.api.model.ProposalInputDto;
import org.citylinks.api.model.ProposalStatusDto;
import org.citylinks.api.model.RelationshipTypeDto;
import org.citylinks.city.Network;
import org.citylinks.partnership.CooperationFields;
import org.citylinks.partnership.RelationshipType;
import org.citylinks.city.CitySummary;

/** Copies between the proposal entities and the contract's models. */
final class ProposalMapper {

    private ProposalMapper() {
    }

    static ProposalDto toDto(ProposalService.Found found) {
        Proposal proposal = found.proposal();
        Map<UUID, CitySummary> cities = found.cities();
        ProposalDto dto = new ProposalDto();
        dto.setVisibility(org.citylinks.api.model.VisibilityDto.valueOf(proposal.access.visibility.name()));
        dto.setOwnerOrganizationId(proposal.access.ownerOrganizationId);
        dto.setFacilitatorOrganizationId(proposal.facilitatorOrganizationId);
        dto.setPartyOrganizationIds(proposal.access.parties(found.governments()));
        dto.setSignatures(proposal.signatures.stream().sorted(java.util.Comparator.comparing(s -> s.side))
                .map(s -> new org.citylinks.api.model.ProposalSignatureDto()
                        .side(org.citylinks.api.model.ProposalSideDto.valueOf(s.side.name()))
                        .organizationId(s.organizationId).signedBy(s.signedBy)
                        .signedAt(s.signedAt.atOffset(ZoneOffset.UTC))).toList());
        dto.setId(proposal.id);
        dto.setTitle(proposal.title);
        dto.setProposerCityId(proposal.proposerCityId);
        dto.setPartnerCityId(proposal.partnerCityId);
        dto.setProposerCity(CitySummary.toDto(cities.get(proposal.proposerCityId)));
        dto.setPartnerCity(CitySummary.toDto(cities.get(proposal.partnerCityId)));
        dto.setRelationshipType(RelationshipTypeDto.valueOf(proposal.relationshipType.name()));
        dto.setFramework(proposal.framework == null ? null : ProposalDto.FrameworkEnum.fromValue(proposal.framework.name()));
        dto.setFields(CooperationFields.toDtos(proposal.fields));
        dto.setFacilitator(proposal.facilitator);
        dto.setSummary(proposal.summary);
        dto.setProgrammes(proposal.programmes.stream().map(ProposalMapper::toDto).toList());
        dto.setStatus(ProposalStatusDto.valueOf(proposal.status.name()));
        dto.setHistory(found.history().stream().map(ProposalMapper::toDto).toList());
        dto.setPartnershipId(found.partnershipId());
        dto.setCreatedAt(proposal.createdAt.atOffset(ZoneOffset.UTC));
        dto.setUpdatedAt(proposal.updatedAt.atOffset(ZoneOffset.UTC));
        dto.setCreatedBy(proposal.createdBy);
        dto.setUpdatedBy(proposal.updatedBy);
        return dto;
    }

    private static ProgrammeDto toDto(Programme programme) {
        return new ProgrammeDto()
                .number(programme.number)
                .title(programme.title)
                .description(programme.description)
                .decision(ProgrammeDecisionDto.valueOf(programme.decision.name()))
                .decisionNote(programme.decisionNote);
    }

    private static ProposalEventDto toDto(ProposalEvent event) {
        return new ProposalEventDto()
                .at(event.at.atOffset(ZoneOffset.UTC))
                .date(event.happenedOn)
                .from(event.fromStatus == null ? null : ProposalEventDto.FromEnum.fromValue(event.fromStatus.name()))
                .to(ProposalStatusDto.valueOf(event.toStatus.name()))
                .note(event.note)
                .by(event.recordedBy);
    }

    static ProposalInputDto toInput(Proposal proposal) {
        ProposalInputDto input = new ProposalInputDto();
        input.setTitle(proposal.title);
        input.setProposerCityId(proposal.proposerCityId);
        input.setPartnerCityId(proposal.partnerCityId);
        input.setRelationshipType(RelationshipTypeDto.valueOf(proposal.relationshipType.name()));
        input.setFramework(proposal.framework == null ? null : ProposalInputDto.FrameworkEnum.fromValue(proposal.framework.name()));
        input.setFields(new LinkedHashSet<>(CooperationFields.toDtos(proposal.fields)));
        input.setFacilitator(proposal.facilitator);
        input.setSummary(proposal.summary);
        List<ProgrammeInputDto> programmes = new ArrayList<>();
        for (Programme programme : proposal.programmes) {
            programmes.add(new ProgrammeInputDto().number(programme.number).title(programme.title)
                    .description(programme.description));
        }
        input.setProgrammes(programmes);
        input.setVisibility(org.citylinks.api.model.VisibilityDto.valueOf(proposal.access.visibility.name()));
        input.setOwnerOrganizationId(proposal.access.ownerOrganizationId);
        input.setFacilitatorOrganizationId(proposal.facilitatorOrganizationId);
        return input;
    }

    /**
     * Sets the writable fields from {@code input}. A programme that keeps its number, title and
     * description keeps its decision; one that changes is pending again.
     */
    static void apply(ProposalInputDto input, Proposal proposal) {
        proposal.title = input.getTitle();
        proposal.proposerCityId = input.getProposerCityId();
        proposal.partnerCityId = input.getPartnerCityId();
        proposal.relationshipType = RelationshipType.valueOf(input.getRelationshipType().name());
        proposal.framework = input.getFramework() == null ? null : Network.valueOf(input.getFramework().name());
        proposal.fields = CooperationFields.names(input.getFields());
        proposal.facilitator = input.getFacilitator();
        proposal.summary = input.getSummary();
        List<Programme> programmes = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (ProgrammeInputDto in : input.getProgrammes()) {
            Programme programme = proposal.programmes.stream()
                    .filter(p -> p.number == in.getNumber() && p.says(in.getTitle(), in.getDescription()))
                    .findFirst().orElseGet(Programme::new);
            programme.number = in.getNumber();
            programme.title = in.getTitle();
            programme.description = in.getDescription();
            programmes.add(programme);
            text.append(in.getTitle()).append(' ').append(in.getDescription() == null ? "" : in.getDescription()).append(' ');
        }
        programmes.sort(java.util.Comparator.comparingInt(p -> p.number));
        proposal.programmes.clear();
        proposal.programmes.addAll(programmes);
        proposal.programmeText = text.toString().strip();
        proposal.facilitatorOrganizationId = input.getFacilitatorOrganizationId();
        proposal.access.audience(java.util.Arrays.asList(proposal.facilitatorOrganizationId),
                List.of(proposal.proposerCityId, proposal.partnerCityId));
    }
}
