package org.citylinks.city;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.citylinks.api.model.CityDto;
import org.citylinks.api.model.CityInputDto;
import org.citylinks.api.model.CreativeFieldDto;
import org.citylinks.api.model.ExternalIdsDto;
import org.citylinks.api.model.GeoPointDto;
import org.citylinks.api.model.MembershipDto;
import org.citylinks.api.model.NetworkDto;

/** Copies between the city entity and the contract's models, in both directions. */
final class CityMapper {

    private CityMapper() {
    }

    static CityDto toDto(City city, Double distanceKm) {
        CityDto dto = new CityDto();
        dto.setId(city.id);
        dto.setName(city.name);
        dto.setAsciiName(city.asciiName);
        dto.setCountryCode(city.countryCode);
        dto.setRegion(city.region);
        dto.setLocation(city.lat == null ? null : new GeoPointDto().lat(city.lat).lon(city.lon));
        dto.setPopulation(city.population);
        dto.setExternalIds(externalIds(city));
        dto.setMemberships(memberships(city.memberships));
        dto.setAlternateNames(AlternateNames.read(city.alternateNames));
        dto.setDistanceKm(distanceKm == null ? null : Math.round(distanceKm * 1000) / 1000.0);
        dto.setCreatedAt(city.createdAt.atOffset(ZoneOffset.UTC));
        dto.setUpdatedAt(city.updatedAt.atOffset(ZoneOffset.UTC));
        dto.setCreatedBy(city.createdBy);
        dto.setUpdatedBy(city.updatedBy);
        return dto;
    }

    /** The writable fields of a city, as a client would send them to replace it unchanged. */
    static CityInputDto toInput(City city) {
        CityInputDto input = new CityInputDto();
        input.setName(city.name);
        input.setAsciiName(city.asciiName);
        input.setCountryCode(city.countryCode);
        input.setRegion(city.region);
        input.setLocation(city.lat == null ? null : new GeoPointDto().lat(city.lat).lon(city.lon));
        input.setPopulation(city.population);
        input.setExternalIds(externalIds(city));
        input.setMemberships(memberships(city.memberships));
        input.setAlternateNames(AlternateNames.read(city.alternateNames));
        return input;
    }

    /** Sets every writable field of {@code city} from {@code input}; what is left out is cleared. */
    static void apply(CityInputDto input, City city) {
        city.name = input.getName();
        // CityRules refused a name without an ASCII form when no asciiName came with it.
        city.asciiName = input.getAsciiName() != null ? input.getAsciiName() : AsciiNames.of(city.name).orElseThrow();
        city.countryCode = input.getCountryCode();
        city.region = input.getRegion();
        city.lat = input.getLocation() == null ? null : input.getLocation().getLat();
        city.lon = input.getLocation() == null ? null : input.getLocation().getLon();
        city.population = input.getPopulation();
        ExternalIdsDto ids = input.getExternalIds();
        city.geonamesId = ids == null ? null : ids.getGeonames();
        city.wikidataId = ids == null ? null : ids.getWikidata();
        city.simplemapsId = ids == null ? null : ids.getSimplemaps();
        city.alternateNames = AlternateNames.write(input.getAlternateNames());
        city.memberships.clear();
        if (input.getMemberships() != null) {
            for (MembershipDto membership : input.getMemberships()) {
                city.memberships.add(new Membership(Network.valueOf(membership.getNetwork().name()),
                        membership.getField() == null ? null : CreativeField.valueOf(membership.getField().name()),
                        membership.getSince()));
            }
        }
    }

    private static ExternalIdsDto externalIds(City city) {
        return new ExternalIdsDto().geonames(city.geonamesId).wikidata(city.wikidataId).simplemaps(city.simplemapsId);
    }

    private static List<MembershipDto> memberships(List<Membership> memberships) {
        List<MembershipDto> dtos = new ArrayList<>();
        for (Membership membership : memberships) {
            dtos.add(new MembershipDto()
                    .network(NetworkDto.valueOf(membership.network.name()))
                    .field(membership.field == null ? null : CreativeFieldDto.valueOf(membership.field.name()))
                    .since(membership.since));
        }
        return dtos;
    }
}
