package org.citylinks.partnership;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.citylinks.api.model.PartnerPageDto;
import org.citylinks.api.model.PartnershipInputDto;
import org.citylinks.city.CityDirectory;
import org.citylinks.common.EntityTags;
import org.citylinks.common.JsonMergePatch;
import org.citylinks.common.Problem;
import org.citylinks.common.ProblemException;
import org.citylinks.city.CitySummary;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Partnership use cases. Each public method is one transaction (or joins the caller's); reads join none. */
@ApplicationScoped
@Transactional
public class PartnershipService implements org.citylinks.common.InputRules<PartnershipInputDto> {

    @Override
    public Class<PartnershipInputDto> inputType() {
        return PartnershipInputDto.class;
    }

    @Override
    public void check(PartnershipInputDto input) {
        checked(input);
    }


    @Inject
    org.citylinks.common.CurrentUser current;

    @Inject
    org.citylinks.common.ReadOnlyMembers readOnly;

    @Inject
    PartnershipRepository partnerships;

    @Inject
    CityDirectory cities;

    @Inject
    JsonMergePatch mergePatch;

    @Inject
    PartnershipProgrammes programmes;

    @Inject
    AgreementSettings agreementSettings;

    /** A partnership and the cities it joins. */
    public record Found(Partnership partnership, Map<UUID, CitySummary> cities) {
    }

    /** A page of partnerships, the cities they join, and the next cursor. */
    public record Page(List<Partnership> partnerships, Map<UUID, CitySummary> cities, String next) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Found> find(UUID id) {
        return partnerships.findByIdOptional(id).map(p -> new Found(p, citiesOf(List.of(p))));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page search(PartnershipSearch search) {
        PartnershipRepository.Result result = partnerships.search(search);
        return new Page(result.partnerships(), citiesOf(result.partnerships()), result.next());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnerPageDto partnersOf(UUID cityId, RelationshipType type, PartnershipStatus status, int limit,
            String cursor) {
        cities.requireCity(cityId);
        return PartnershipMapper.toDto(partnerships.partnersOf(cityId, type, status, limit, cursor));
    }

    public Found create(PartnershipInputDto input, String user) {
        readOnly.refuse(input);
        Partnership partnership = new Partnership();
        partnership.id = UUID.randomUUID();
        Map<UUID, CitySummary> joined = checked(input);
        PartnershipPermissions.checkParty(current.viewer(), input.getCityIds());
        PartnershipMapper.apply(input, partnership);
        return save(partnership, joined, user, true);
    }

    /** The partnerships the given proposals created when signed: partnership id by proposal id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, UUID> createdFrom(List<UUID> proposalIds) {
        return partnerships.fromProposals(proposalIds);
    }

    /** The id of the partnership a signed proposal created, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> createdFrom(UUID proposalId) {
        return partnerships.fromProposal(proposalId).map(p -> p.id);
    }

    /**
     * The partnership a signed proposal leads to, created in the signing's transaction (a 409 here
     * leaves the proposal unsigned); returns its id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID createFromProposal(UUID proposalId, UUID proposerCityId, UUID partnerCityId,
            RelationshipType type, List<String> fields, LocalDate signedOn, List<ProgrammeTerms> accepted, String user) {
        Partnership partnership = new Partnership();
        partnership.id = UUID.randomUUID();
        partnership.setCities(proposerCityId, partnerCityId);
        partnership.relationshipType = type;
        partnership.fields = new ArrayList<>(fields);
        partnership.since = signedOn.toString();
        partnership.status = PartnershipStatus.ACTIVE;
        partnership.sourceProposalId = proposalId;
        partnership.signedOn = signedOn;
        UUID id = save(partnership, cities.summaries(List.of(proposerCityId, partnerCityId)), user, true,
                other -> ProblemException.conflict("The two cities already have a " + type + " partnership; it"
                        + " cannot be signed a second time.", "/to", "these cities already have a partnership of this type"))
                .partnership().id;
        programmes.carryOver(id, accepted, user);
        return id;
    }

    /** The last day of the agreement of one of a city's partnerships, for the city's calendar. */
    public record AgreementEnd(UUID partnershipId, String partnerName, String partnerCountryCode, RelationshipType type,
            LocalDate validUntil, int warnDaysBefore, long version, java.time.Instant createdAt,
            java.time.Instant updatedAt) {
    }

    /** The city's partnerships whose agreement ends from {@code from} to {@code to} (each optional), the latest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgreementEnd> agreementEndsOf(UUID cityId, LocalDate from, LocalDate to, int max) {
        int warn = agreementSettings.expiringWithinDays();
        return partnerships.agreementEndsOf(cityId, from, to, max).stream()
                .map(end -> new AgreementEnd(end.partnershipId(), end.partnerName(), end.partnerCountryCode(), end.type(),
                        end.validUntil(), warn, end.version(), end.createdAt(), end.updatedAt()))
                .toList();
    }

    /** A programme the partner accepted in a signed proposal, under its number there. */
    public record ProgrammeTerms(int number, String title, String description) {
    }

    public Found replace(UUID id, String ifMatch, PartnershipInputDto input, String user) {
        Partnership partnership = existing(id);
        PartnershipPermissions.checkParty(current.viewer(), List.of(partnership.cityAId, partnership.cityBId));
        EntityTags.requireMatch(ifMatch, partnership.version);
        readOnly.requireUnchanged(input, () -> PartnershipMapper.toDto(partnership, citiesOf(List.of(partnership))));
        Map<UUID, CitySummary> joined = checked(input);
        PartnershipPermissions.checkParty(current.viewer(), input.getCityIds());
        PartnershipMapper.apply(input, partnership);
        return save(partnership, joined, user, false);
    }

    public Found patch(UUID id, String ifMatch, ObjectNode patch, String user) {
        Partnership partnership = existing(id);
        PartnershipPermissions.checkParty(current.viewer(), List.of(partnership.cityAId, partnership.cityBId));
        EntityTags.requireMatch(ifMatch, partnership.version);
        readOnly.requireUnchanged("PartnershipPatch", patch, () -> PartnershipMapper.toDto(partnership, citiesOf(List.of(partnership))));
        PartnershipInputDto input = mergePatch.apply(PartnershipMapper.toInput(partnership), patch,
                PartnershipInputDto.class);
        Map<UUID, CitySummary> joined = checked(input);
        PartnershipPermissions.checkParty(current.viewer(), input.getCityIds());
        PartnershipMapper.apply(input, partnership);
        return save(partnership, joined, user, false);
    }

    public void delete(UUID id, String ifMatch) {
        Partnership partnership = existing(id);
        PartnershipPermissions.checkDelete(current.viewer(), List.of(partnership.cityAId, partnership.cityBId));
        EntityTags.requireMatch(ifMatch, partnership.version);
        partnerships.delete(partnership);
        partnerships.flush();
    }

    private Found save(Partnership partnership, Map<UUID, CitySummary> joined, String user, boolean isNew) {
        return save(partnership, joined, user, isNew, other -> ProblemException.conflict("These two cities already have a "
                + partnership.relationshipType + " partnership (" + other.id + ").", "/cityIds",
                "already have a partnership of this type"));
    }

    /** Saves the partnership; {@code duplicate} is the 409 to answer when the pair has one of this type. */
    private Found save(Partnership partnership, Map<UUID, CitySummary> joined, String user, boolean isNew,
            java.util.function.Function<Partnership, ProblemException> duplicate) {
        // Every change is made before the look-up below, which flushes it: one write, one new version.
        partnership.cityNames = joined.get(partnership.cityAId).name() + " " + joined.get(partnership.cityBId).name();
        if (isNew) {
            partnership.created(user);
        } else {
            partnership.updated(user);
        }
        partnerships.samePairAndType(partnership).ifPresent(other -> {
            throw duplicate.apply(other);
        });
        if (isNew) {
            partnerships.persist(partnership);
        }
        partnerships.flush();
        return new Found(partnership, joined);
    }

    /** Checks the rules the schema cannot state; returns the two cities. */
    private Map<UUID, CitySummary> checked(PartnershipInputDto input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<UUID> ids = input.getCityIds();
        if (ids.get(0) != null && ids.get(0).equals(ids.get(1))) {
            errors.add(Problem.FieldError.atPointer("/cityIds/1", "must be another city than /cityIds/0"));
        }
        if (input.getSince() != null && input.getSince().length() == 10) {
            try {
                LocalDate.parse(input.getSince());
            } catch (DateTimeParseException e) {
                errors.add(Problem.FieldError.atPointer("/since", "is not a day of the calendar"));
            }
        }
        errors.addAll(agreementDateErrors(input.getSignedOn(), input.getInForceFrom(), input.getValidUntil()));
        Map<String, UUID> named = new LinkedHashMap<>();
        named.put("/cityIds/0", ids.get(0));
        named.put("/cityIds/1", ids.get(1));
        errors.addAll(cities.unknown(named));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return cities.summaries(ids);
    }

    /** The agreement's dates must follow each other: signed, then in force, then its last day. */
    static List<Problem.FieldError> agreementDateErrors(LocalDate signedOn, LocalDate inForceFrom, LocalDate validUntil) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (signedOn != null && inForceFrom != null && inForceFrom.isBefore(signedOn)) {
            errors.add(Problem.FieldError.atPointer("/inForceFrom", "must not be before /signedOn"));
        }
        LocalDate start = inForceFrom != null ? inForceFrom : signedOn;
        if (validUntil != null && start != null && validUntil.isBefore(start)) {
            errors.add(Problem.FieldError.atPointer("/validUntil",
                    "must not be before " + (inForceFrom != null ? "/inForceFrom" : "/signedOn")));
        }
        return errors;
    }

    private Partnership existing(UUID id) {
        return partnerships.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("partnership", id));
    }

    private Map<UUID, CitySummary> citiesOf(List<Partnership> list) {
        List<UUID> ids = new ArrayList<>();
        list.forEach(p -> {
            ids.add(p.cityAId);
            ids.add(p.cityBId);
        });
        return cities.summaries(ids);
    }
}
