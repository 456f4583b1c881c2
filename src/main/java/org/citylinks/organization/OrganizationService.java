package org.citylinks.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.citylinks.api.model.OrganizationInputDto;
import org.citylinks.api.model.OrganizationKindDto;
import org.citylinks.city.CityDirectory;
import org.citylinks.city.CitySummary;
import org.citylinks.common.EntityTags;
import org.citylinks.common.InputRules;
import org.citylinks.common.JsonMergePatch;
import org.citylinks.common.Problem;
import org.citylinks.common.ProblemException;
import org.citylinks.common.ReadOnlyMembers;
import org.citylinks.common.Viewer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Organisation use cases. Each public method is one transaction; reads join none. */
@ApplicationScoped
@Transactional
public class OrganizationService implements InputRules<OrganizationInputDto> {

    @Inject
    OrganizationRepository organizations;

    @Inject
    CityDirectory cities;

    @Inject
    ReadOnlyMembers readOnly;

    @Inject
    JsonMergePatch mergePatch;

    /** An organisation with the city it represents, in short. */
    public record Found(Organization organization, CitySummary city) {
    }

    public record Page(List<Found> organizations, String next) {
    }

    @Override
    public Class<OrganizationInputDto> inputType() {
        return OrganizationInputDto.class;
    }

    @Override
    public void check(OrganizationInputDto input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean government = input.getKind() == OrganizationKindDto.CITY_GOVERNMENT;
        if (government && input.getCityId() == null) {
            errors.add(Problem.FieldError.atPointer("/cityId", "is required for a CITY_GOVERNMENT (the city it represents)"));
        } else if (!government && input.getKind() != null && input.getCityId() != null) {
            errors.add(Problem.FieldError.atPointer("/cityId", "is only for a CITY_GOVERNMENT; leave it out or null"));
        } else if (input.getCityId() != null) {
            errors.addAll(cities.unknown(Map.of("/cityId", input.getCityId())));
        }
        if (input.getWebsite() != null && !isWebAddress(input.getWebsite())) {
            errors.add(Problem.FieldError.atPointer("/website", "must be an absolute https or http address"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static boolean isWebAddress(String text) {
        try {
            java.net.URI uri = new java.net.URI(text);
            return uri.getHost() != null && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Found> find(UUID id) {
        return organizations.findByIdOptional(id).map(this::found);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page search(OrganizationSearch search) {
        OrganizationRepository.Result result = organizations.search(search);
        Map<UUID, CitySummary> summaries = cities.summaries(result.organizations().stream()
                .map(o -> o.cityId).filter(java.util.Objects::nonNull).toList());
        return new Page(result.organizations().stream()
                .map(o -> new Found(o, o.cityId == null ? null : summaries.get(o.cityId))).toList(), result.next());
    }

    public Found create(OrganizationInputDto input, Viewer caller) {
        OrganizationPermissions.checkCreate(caller);
        readOnly.refuse(input);
        check(input);
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        OrganizationMapper.apply(input, organization);
        organization.created(caller.subject());
        organizations.persist(organization);
        organizations.flush();
        return found(organization);
    }

    public Found replace(UUID id, String ifMatch, OrganizationInputDto input, Viewer caller) {
        Organization organization = existing(id);
        EntityTags.requireMatch(ifMatch, organization.version);
        return save(organization, input, caller);
    }

    public Found patch(UUID id, String ifMatch, ObjectNode patch, Viewer caller) {
        Organization organization = existing(id);
        EntityTags.requireMatch(ifMatch, organization.version);
        readOnly.requireUnchanged("OrganizationPatch", patch, () -> OrganizationMapper.toDto(organization, city(organization)));
        OrganizationInputDto input = mergePatch.apply(OrganizationMapper.toInput(organization), patch,
                OrganizationInputDto.class);
        return save(organization, input, caller);
    }

    public void delete(UUID id, String ifMatch, Viewer caller) {
        OrganizationPermissions.checkDelete(caller);
        Organization organization = existing(id);
        EntityTags.requireMatch(ifMatch, organization.version);
        Map<String, Long> references = organizations.references(id);
        if (!references.isEmpty()) {
            throw ProblemException.stillReferenced("Organisation " + organization.name, references);
        }
        organizations.delete(organization);
        organizations.flush();
    }

    private Found save(Organization organization, OrganizationInputDto input, Viewer caller) {
        OrganizationPermissions.checkEdit(caller, organization,
                input.getKind() == null ? null : OrganizationKind.valueOf(input.getKind().name()), input.getCityId());
        readOnly.requireUnchanged(input, () -> OrganizationMapper.toDto(organization, city(organization)));
        check(input);
        OrganizationMapper.apply(input, organization);
        organization.updated(caller.subject());
        organizations.flush();
        return found(organization);
    }

    private Found found(Organization organization) {
        return new Found(organization, city(organization));
    }

    private CitySummary city(Organization organization) {
        return organization.cityId == null ? null : cities.summaries(List.of(organization.cityId)).get(organization.cityId);
    }

    private Organization existing(UUID id) {
        return organizations.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("organization", id));
    }
}
