package org.citylinks.conference;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.citylinks.api.model.ConferenceDto;
import org.citylinks.api.model.ConferenceInputDto;
import org.citylinks.api.model.InvitationStatusDto;
import org.citylinks.api.model.ParticipantDto;
import org.citylinks.api.model.ParticipantInputDto;
import org.citylinks.api.model.ParticipantRoleDto;
import org.citylinks.api.model.VisitModeDto;
import org.citylinks.city.CitySummary;
import org.citylinks.city.Network;

/** Copies between the conference entity and the contract's models. */
final class ConferenceMapper {

    private ConferenceMapper() {
    }

    static ConferenceDto toDto(Conference conference, Map<UUID, CitySummary> cities, Map<UUID, List<UUID>> governments) {
        ConferenceDto dto = new ConferenceDto();
        dto.setVisibility(org.citylinks.api.model.VisibilityDto.valueOf(conference.access.visibility.name()));
        dto.setOwnerOrganizationId(conference.access.ownerOrganizationId);
        dto.setPartyOrganizationIds(conference.access.parties(governments));
        dto.setId(conference.id);
        dto.setName(conference.name);
        dto.setHostCityId(conference.hostCityId);
        dto.setHostCity(CitySummary.toDto(cities.get(conference.hostCityId)));
        dto.setOrganizer(conference.organizer);
        dto.setNetwork(conference.network == null ? null : ConferenceDto.NetworkEnum.fromValue(conference.network.name()));
        dto.setStartDate(conference.startDate);
        dto.setEndDate(conference.endDate);
        dto.setMode(VisitModeDto.valueOf(conference.mode.name()));
        dto.setTopics(List.copyOf(conference.topics));
        dto.setDescription(conference.description);
        // By track (the groups together, the cities without one last), then by name.
        dto.setParticipants(conference.participants.stream()
                .map(p -> toDto(p, cities))
                .sorted(Comparator.comparing(ParticipantDto::getTrack, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(p -> p.getCity() == null ? "" : p.getCity().getName()))
                .toList());
        dto.setCreatedAt(conference.createdAt.atOffset(ZoneOffset.UTC));
        dto.setUpdatedAt(conference.updatedAt.atOffset(ZoneOffset.UTC));
        dto.setCreatedBy(conference.createdBy);
        dto.setUpdatedBy(conference.updatedBy);
        return dto;
    }

    static ParticipantDto toDto(Participant participant, Map<UUID, CitySummary> cities) {
        return new ParticipantDto()
                .cityId(participant.cityId)
                .city(CitySummary.toDto(cities.get(participant.cityId)))
                .role(ParticipantRoleDto.valueOf(participant.role.name()))
                .status(InvitationStatusDto.valueOf(participant.status.name()))
                .track(participant.track);
    }

    static ConferenceInputDto toInput(Conference conference) {
        ConferenceInputDto input = new ConferenceInputDto();
        input.setName(conference.name);
        input.setHostCityId(conference.hostCityId);
        input.setOrganizer(conference.organizer);
        input.setNetwork(conference.network == null ? null : ConferenceInputDto.NetworkEnum.fromValue(conference.network.name()));
        input.setStartDate(conference.startDate);
        input.setEndDate(conference.endDate);
        input.setMode(VisitModeDto.valueOf(conference.mode.name()));
        input.setTopics(new LinkedHashSet<>(conference.topics));
        input.setDescription(conference.description);
        List<ParticipantInputDto> participants = new ArrayList<>();
        for (Participant p : conference.participants) {
            participants.add(toInput(p));
        }
        input.setParticipants(participants);
        input.setVisibility(org.citylinks.api.model.VisibilityDto.valueOf(conference.access.visibility.name()));
        input.setOwnerOrganizationId(conference.access.ownerOrganizationId);
        return input;
    }

    static ParticipantInputDto toInput(Participant participant) {
        return new ParticipantInputDto().cityId(participant.cityId)
                .role(ParticipantRoleDto.valueOf(participant.role.name()))
                .status(InvitationStatusDto.valueOf(participant.status.name())).track(participant.track);
    }

    static void apply(ConferenceInputDto input, Conference conference) {
        conference.name = input.getName();
        conference.hostCityId = input.getHostCityId();
        conference.organizer = input.getOrganizer();
        conference.network = input.getNetwork() == null ? null : Network.valueOf(input.getNetwork().name());
        conference.startDate = input.getStartDate();
        conference.endDate = input.getEndDate() == null ? input.getStartDate() : input.getEndDate();
        conference.mode = ConferenceMode.valueOf(input.getMode().name());
        conference.topics = new ArrayList<>(input.getTopics());
        conference.description = input.getDescription();
        conference.participants.clear();
        input.getParticipants().forEach(p -> conference.participants.add(participant(p)));
        conference.participantsChanged();
    }

    static Participant participant(ParticipantInputDto input) {
        Participant participant = new Participant();
        participant.cityId = input.getCityId();
        participant.role = ParticipantRole.valueOf(input.getRole().name());
        participant.status = input.getStatus() == null ? InvitationStatus.INVITED
                : InvitationStatus.valueOf(input.getStatus().name());
        participant.track = input.getTrack();
        return participant;
    }
}
