package org.citylinks.organization;

import java.time.ZoneOffset;

import org.citylinks.api.model.OrganizationDto;
import org.citylinks.api.model.OrganizationInputDto;
import org.citylinks.api.model.OrganizationKindDto;
import org.citylinks.city.CitySummary;

/** Copies between the organisation entity and the contract's models. */
final class OrganizationMapper {

    private OrganizationMapper() {
    }

    static OrganizationDto toDto(Organization organization, CitySummary city) {
        return new OrganizationDto()
                .id(organization.id)
                .name(organization.name)
                .kind(OrganizationKindDto.valueOf(organization.kind.name()))
                .cityId(organization.cityId)
                .city(city == null ? null : new org.citylinks.api.model.OrganizationCityDto().id(city.id()).name(city.name())
                        .countryCode(city.countryCode()))
                .website(organization.website)
                .createdAt(organization.createdAt.atOffset(ZoneOffset.UTC))
                .updatedAt(organization.updatedAt.atOffset(ZoneOffset.UTC))
                .createdBy(organization.createdBy)
                .updatedBy(organization.updatedBy);
    }

    static OrganizationInputDto toInput(Organization organization) {
        return new OrganizationInputDto()
                .name(organization.name)
                .kind(OrganizationKindDto.valueOf(organization.kind.name()))
                .cityId(organization.cityId)
                .website(organization.website);
    }

    static void apply(OrganizationInputDto input, Organization organization) {
        organization.name = input.getName();
        organization.kind = OrganizationKind.valueOf(input.getKind().name());
        organization.cityId = input.getCityId();
        organization.website = input.getWebsite();
    }
}
