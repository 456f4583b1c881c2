package org.citylinks.visit;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.citylinks.api.model.PersonDto;
import org.citylinks.api.model.VisitDto;
import org.citylinks.api.model.VisitInputDto;
import org.citylinks.api.model.VisitModeDto;
import org.citylinks.city.CitySummary;

/** Copies between the visit entity and the contract's models. */
final class VisitMapper {

    private VisitMapper() {
    }

    /** {@code visibleProposals}: the proposals the caller may see; a link to any other is left out. */
    static VisitDto toDto(Visit visit, Map<UUID, CitySummary> cities, Map<UUID, List<UUID>> governments,
            java.util.Set<UUID> visibleProposals) {
        VisitDto dto = new VisitDto();
        dto.setVisibility(org.citylinks.api.model.VisibilityDto.valueOf(visit.access.visibility.name()));
        dto.setOwnerOrganizationId(visit.access.ownerOrganizationId);
        dto.setPartyOrganizationIds(visit.access.parties(governments));
        dto.setId(visit.id);
        dto.setTitle(visit.title);
        dto.setFromCityId(visit.fromCityId);
        dto.setToCityId(visit.toCityId);
        dto.setFromCity(CitySummary.toDto(cities.get(visit.fromCityId)));
        dto.setToCity(CitySummary.toDto(cities.get(visit.toCityId)));
        dto.setStartDate(visit.startDate);
        dto.setEndDate(visit.endDate);
        dto.setMode(VisitModeDto.valueOf(visit.mode.name()));
        dto.setPurpose(visit.purpose);
        dto.setSummary(visit.summary);
        dto.setDelegation(people(visit.delegation));
        dto.setHosts(people(visit.hosts));
        dto.setFacilitator(visit.facilitator);
        dto.setTopics(List.copyOf(visit.topics));
        dto.setOutcomes(List.copyOf(visit.outcomes));
        dto.setProposalId(visit.proposalId != null && visibleProposals.contains(visit.proposalId) ? visit.proposalId : null);
        dto.setCreatedAt(visit.createdAt.atOffset(ZoneOffset.UTC));
        dto.setUpdatedAt(visit.updatedAt.atOffset(ZoneOffset.UTC));
        dto.setCreatedBy(visit.createdBy);
        dto.setUpdatedBy(visit.updatedBy);
        return dto;
    }

    static VisitInputDto toInput(Visit visit) {
        VisitInputDto input = new VisitInputDto();
        input.setTitle(visit.title);
        input.setFromCityId(visit.fromCityId);
        input.setToCityId(visit.toCityId);
        input.setStartDate(visit.startDate);
        input.setEndDate(visit.endDate);
        input.setMode(VisitModeDto.valueOf(visit.mode.name()));
        input.setPurpose(visit.purpose);
        input.setSummary(visit.summary);
        input.setDelegation(new ArrayList<>(people(visit.delegation)));
        input.setHosts(new ArrayList<>(people(visit.hosts)));
        input.setFacilitator(visit.facilitator);
        input.setTopics(new LinkedHashSet<>(visit.topics));
        input.setOutcomes(new ArrayList<>(visit.outcomes));
        input.setProposalId(visit.proposalId);
        input.setVisibility(org.citylinks.api.model.VisibilityDto.valueOf(visit.access.visibility.name()));
        input.setOwnerOrganizationId(visit.access.ownerOrganizationId);
        return input;
    }

    static void apply(VisitInputDto input, Visit visit) {
        visit.title = input.getTitle();
        visit.fromCityId = input.getFromCityId();
        visit.toCityId = input.getToCityId();
        visit.startDate = input.getStartDate();
        visit.endDate = input.getEndDate() == null ? input.getStartDate() : input.getEndDate();
        visit.mode = VisitMode.valueOf(input.getMode().name());
        visit.purpose = input.getPurpose();
        visit.summary = input.getSummary();
        visit.facilitator = input.getFacilitator();
        visit.topics = new ArrayList<>(input.getTopics());
        visit.outcomes = new ArrayList<>(input.getOutcomes());
        visit.proposalId = input.getProposalId();
        replace(visit.delegation, input.getDelegation());
        replace(visit.hosts, input.getHosts());
        StringBuilder text = new StringBuilder();
        for (Person person : concat(visit.delegation, visit.hosts)) {
            text.append(person.name).append(' ').append(person.role == null ? "" : person.role + ' ')
                    .append(person.organization == null ? "" : person.organization + ' ');
        }
        visit.peopleText = text.toString().strip();
        visit.access.audience(List.of(), List.of(visit.fromCityId, visit.toCityId));
    }

    private static List<Person> concat(List<Person> first, List<Person> second) {
        List<Person> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static void replace(List<Person> people, List<PersonDto> dtos) {
        people.clear();
        for (PersonDto dto : dtos) {
            Person person = new Person();
            person.name = dto.getName();
            person.role = dto.getRole();
            person.organization = dto.getOrganization();
            people.add(person);
        }
    }

    private static List<PersonDto> people(List<Person> people) {
        return people.stream()
                .map(p -> new PersonDto().name(p.name).role(p.role).organization(p.organization))
                .toList();
    }
}
