package org.citylinks.partnership;

import java.time.ZoneOffset;

import org.citylinks.api.model.EvidenceTypeDto;
import org.citylinks.api.model.PartnershipProgrammeDto;
import org.citylinks.api.model.PartnershipProgrammeInputDto;
import org.citylinks.api.model.PartnershipRenewalDto;
import org.citylinks.api.model.ProgrammeEvidenceDto;
import org.citylinks.api.model.ProgrammeStatusDto;

/** Copies between programmes, renewals and the contract's models. */
final class ProgrammeMapper {

    private ProgrammeMapper() {
    }

    static PartnershipProgrammeDto toDto(PartnershipProgrammes.Found found) {
        PartnershipProgramme programme = found.programme();
        PartnershipProgrammeDto dto = new PartnershipProgrammeDto();
        dto.setPartnershipId(programme.partnershipId);
        dto.setNumber(programme.number);
        dto.setTitle(programme.title);
        dto.setDescription(programme.description);
        dto.setStatus(ProgrammeStatusDto.valueOf(programme.status.name()));
        dto.setStartedOn(programme.startedOn);
        dto.setFinishedOn(programme.finishedOn);
        dto.setNotes(programme.notes);
        dto.setFromProposal(programme.fromProposal);
        dto.setEvidence(found.evidence().stream().map(ProgrammeMapper::toDto).toList());
        dto.setUpdatedAt(programme.updatedAt.atOffset(ZoneOffset.UTC));
        dto.setUpdatedBy(programme.updatedBy);
        return dto;
    }

    static ProgrammeEvidenceDto toDto(PartnershipProgrammeRepository.Evidence evidence) {
        return new ProgrammeEvidenceDto().type(evidence.visit() ? EvidenceTypeDto.VISIT : EvidenceTypeDto.CONFERENCE)
                .id(evidence.id()).title(evidence.title()).startDate(evidence.startDate()).endDate(evidence.endDate());
    }

    /** The writable fields as they are, the base a merge patch is applied to. */
    static PartnershipProgrammeInputDto toInput(PartnershipProgramme programme) {
        PartnershipProgrammeInputDto input = new PartnershipProgrammeInputDto();
        input.setTitle(programme.title);
        input.setDescription(programme.description);
        input.setStatus(ProgrammeStatusDto.valueOf(programme.status.name()));
        input.setStartedOn(programme.startedOn);
        input.setFinishedOn(programme.finishedOn);
        input.setNotes(programme.notes);
        return input;
    }

    static PartnershipRenewalDto toDto(PartnershipRenewal renewal) {
        return new PartnershipRenewalDto().id(renewal.id).partnershipId(renewal.partnershipId)
                .renewedOn(renewal.renewedOn).previousValidUntil(renewal.previousValidUntil)
                .validUntil(renewal.validUntil).note(renewal.note)
                .createdAt(renewal.createdAt.atOffset(ZoneOffset.UTC)).createdBy(renewal.createdBy);
    }
}
