package org.citylinks.city;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.citylinks.api.model.CityInputDto;
import org.citylinks.common.EntityTags;
import org.citylinks.common.JsonMergePatch;
import org.citylinks.common.Problem;
import org.citylinks.common.ProblemException;
import org.citylinks.common.ProblemType;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** City use cases. Each public method is one transaction; reads join none. */
@ApplicationScoped
@Transactional
public class CityService implements org.citylinks.common.InputRules<CityInputDto> {

    @Override
    public Class<CityInputDto> inputType() {
        return CityInputDto.class;
    }

    @Override
    public void check(CityInputDto input) {
        CityRules.check(input);
    }


    @Inject
    org.citylinks.common.ReadOnlyMembers readOnly;

    @Inject
    CityRepository cities;

    @Inject
    JsonMergePatch mergePatch;

    @Inject
    CityDirectory directory;

    @Inject
    org.citylinks.common.CurrentUser current;

    @Inject
    CityGovernments governments;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<City> find(UUID id) {
        return cities.findWithMemberships(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CityRepository.SearchPage search(CitySearch search) {
        return cities.search(search);
    }

    public City create(CityInputDto input, String user) {
        readOnly.refuse(input);
        CityRules.check(input);
        City city = new City();
        city.id = UUID.randomUUID();
        org.citylinks.common.Viewer caller = current.viewer();
        // The creator's organisation keeps the entry until the city has a government; with several, none is guessed.
        city.ownerOrganizationId = caller.organizations().size() == 1 ? caller.organizations().iterator().next() : null;
        CityMapper.apply(input, city);
        requireUniqueExternalIds(city);
        city.created(user);
        cities.persistAndFlush(city);
        return city;
    }

    public City replace(UUID id, String ifMatch, CityInputDto input, String user) {
        City city = existing(id);
        CityPermissions.checkEdit(current.viewer(), city, governments.hasGovernment(id));
        EntityTags.requireMatch(ifMatch, city.version);
        readOnly.requireUnchanged(input, () -> CityMapper.toDto(city, null));
        CityRules.check(input);
        return save(city, input, user);
    }

    /** Applies an RFC 7396 merge patch to the city's writable fields, then checks the result as a PUT would be. */
    public City patch(UUID id, String ifMatch, ObjectNode patch, String user) {
        City city = existing(id);
        CityPermissions.checkEdit(current.viewer(), city, governments.hasGovernment(id));
        EntityTags.requireMatch(ifMatch, city.version);
        readOnly.requireUnchanged("CityPatch", patch, () -> CityMapper.toDto(city, null));
        CityInputDto input = mergePatch.apply(CityMapper.toInput(city), patch, CityInputDto.class);
        CityRules.check(input);
        return save(city, input, user);
    }

    public void delete(UUID id, String ifMatch) {
        City city = existing(id);
        CityPermissions.checkDelete(current.viewer(), city, governments.hasGovernment(id));
        EntityTags.requireMatch(ifMatch, city.version);
        java.util.Map<String, Long> references = directory.references(id);
        if (!references.isEmpty()) {
            throw ProblemException.stillReferenced("City " + city.name, references);
        }
        cities.delete(city);
        cities.flush();
    }

    private City save(City city, CityInputDto input, String user) {
        // Loaded at the version If-Match named: a concurrent writer that commits first makes this
        // flush fail with an optimistic-lock error, which is answered as 412.
        CityMapper.apply(input, city);
        requireUniqueExternalIds(city);
        city.updated(user);
        cities.flush();
        return city;
    }

    private City existing(UUID id) {
        return cities.findWithMemberships(id).orElseThrow(() -> ProblemException.notFound("city", id));
    }

    private void requireUniqueExternalIds(City city) {
        requireUnique(CityRepository.ExternalId.GEONAMES, city.geonamesId, city.id);
        requireUnique(CityRepository.ExternalId.WIKIDATA, city.wikidataId, city.id);
        requireUnique(CityRepository.ExternalId.SIMPLEMAPS, city.simplemapsId, city.id);
    }

    private void requireUnique(CityRepository.ExternalId id, String value, UUID cityId) {
        if (value == null) {
            return;
        }
        cities.findByExternalId(id, value, cityId).ifPresent(other -> {
            throw new ProblemException(ProblemType.CONFLICT, "City " + other.id + " already has this external id.",
                    List.of(Problem.FieldError.atPointer(id.pointer, "another city already has this id")));
        });
    }
}
