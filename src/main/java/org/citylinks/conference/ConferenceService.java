package org.citylinks.conference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.citylinks.api.model.ConferenceInputDto;
import org.citylinks.api.model.ParticipantInputDto;
import org.citylinks.api.model.ParticipantStatusInputDto;
import org.citylinks.city.CitySummary;
import org.citylinks.city.CityDirectory;
import org.citylinks.common.DateSpans;
import org.citylinks.common.EntityTags;
import org.citylinks.common.JsonMergePatch;
import org.citylinks.common.Problem;
import org.citylinks.common.ProblemException;
import org.citylinks.common.ProblemType;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Conference use cases, participants included. Each public method is one transaction; reads join none. */
@ApplicationScoped
@Transactional
public class ConferenceService implements org.citylinks.common.InputRules<ConferenceInputDto> {

    @Override
    public Class<ConferenceInputDto> inputType() {
        return ConferenceInputDto.class;
    }

    @Override
    public void check(ConferenceInputDto input) {
        checkRules(input);
    }


    @Inject
    org.citylinks.common.ReadOnlyMembers readOnly;

    @Inject
    ConferenceRepository conferences;

    @Inject
    CityDirectory cities;

    @Inject
    JsonMergePatch mergePatch;

    @Inject
    org.citylinks.common.CurrentUser current;

    @Inject
    org.citylinks.common.OrganizationMemberships organizations;

    /** A conference, the cities it embeds, and their governments (its parties). */
    public record Found(Conference conference, Map<UUID, CitySummary> cities, Map<UUID, List<UUID>> governments) {
    }

    /** A page of conferences, the cities they embed and their governments, and the next cursor. */
    public record Page(List<Conference> conferences, Map<UUID, CitySummary> cities, Map<UUID, List<UUID>> governments,
            String next) {
    }

    /** The conference, if there is one the caller may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Found> find(UUID id) {
        return conferences.findWithParticipants(id).filter(c -> current.viewer().sees(c.access)).map(this::found);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page search(ConferenceSearch search) {
        ConferenceRepository.Result result = conferences.search(search, current.viewer());
        List<UUID> cityIds = new ArrayList<>();
        result.conferences().forEach(c -> cityIds.addAll(cityIds(c)));
        return new Page(result.conferences(), cities.summaries(cityIds), organizations.governmentsOf(cityIds),
                result.next());
    }

    public Found create(ConferenceInputDto input, String user) {
        readOnly.refuse(input);
        checkRules(input);
        Conference conference = new Conference();
        conference.id = UUID.randomUUID();
        conference.access.ownerOrganizationId = org.citylinks.common.Ownership.ownerOfNew(current.viewer(),
                "a conference", input.getOwnerOrganizationId(), organizations::exists);
        conference.access.visibility = input.getVisibility() == null ? org.citylinks.common.Visibility.PUBLIC
                : org.citylinks.common.Visibility.valueOf(input.getVisibility().name());
        ConferenceMapper.apply(input, conference);
        conference.created(user);
        conferences.persistAndFlush(conference);
        return found(conference);
    }

    public Found replace(UUID id, String ifMatch, ConferenceInputDto input, String user) {
        Conference conference = existing(id);
        ConferencePermissions.checkHost(current.viewer(), conference);
        EntityTags.requireMatch(ifMatch, conference.version);
        readOnly.requireUnchanged(input, () -> dto(found(conference)));
        return save(conference, input, user);
    }

    /** Applies an RFC 7396 merge patch, then checks the result as a PUT would be. */
    public Found patch(UUID id, String ifMatch, ObjectNode patch, String user) {
        Conference conference = existing(id);
        ConferencePermissions.checkHost(current.viewer(), conference);
        EntityTags.requireMatch(ifMatch, conference.version);
        readOnly.requireUnchanged("ConferencePatch", patch, () -> dto(found(conference)));
        ConferenceInputDto input = mergePatch.apply(ConferenceMapper.toInput(conference), patch, ConferenceInputDto.class);
        input.setEndDate(DateSpans.endAfterPatch(patch.has("startDate"), patch.has("endDate"), conference.startDate,
                conference.endDate, input.getEndDate()));
        return save(conference, input, user);
    }

    public void delete(UUID id, String ifMatch) {
        Conference conference = existing(id);
        ConferencePermissions.checkDelete(current.viewer(), conference);
        EntityTags.requireMatch(ifMatch, conference.version);
        conferences.delete(conference);
        conferences.flush();
    }

    /** Adds one city to the conference; a city that already takes part is a 409. */
    public Found addParticipant(UUID id, String ifMatch, ParticipantInputDto input, String user) {
        readOnly.refuse(input);
        Conference conference = existing(id);
        ConferencePermissions.checkHost(current.viewer(), conference);
        EntityTags.requireMatchIfPresent(ifMatch, conference.version);
        List<Problem.FieldError> unknown = cities.unknown(Map.of("/cityId", input.getCityId()));
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown);
        }
        if (conference.participant(input.getCityId()).isPresent()) {
            throw ProblemException.conflict("This city already takes part in the conference; change its status"
                    + " instead.", "/cityId", "already takes part");
        }
        conference.participants.add(ConferenceMapper.participant(input));
        return changed(conference, user);
    }

    /**
     * Merges {@code patch} into the participant's role, status and track. The city is the
     * participant's identity, not one of its fields, so a patch may not name it.
     */
    public Found updateParticipant(UUID id, UUID cityId, String ifMatch, ObjectNode patch, String user) {
        Conference conference = existing(id);
        ConferencePermissions.checkParticipation(current.viewer(), conference, cityId);
        EntityTags.requireMatchIfPresent(ifMatch, conference.version);
        Participant participant = participant(conference, cityId);
        if (patch.has("cityId")) {
            throw ProblemException.unknownProperty("/cityId"); // not in ParticipantPatch, though the input has it
        }
        ParticipantInputDto merged = mergePatch.apply(ConferenceMapper.toInput(participant), patch,
                ParticipantInputDto.class);
        Participant changed = ConferenceMapper.participant(merged);
        participant.role = changed.role;
        participant.status = changed.status;
        participant.track = changed.track;
        return changed(conference, user);
    }

    public Found setParticipantStatus(UUID id, UUID cityId, String ifMatch, ParticipantStatusInputDto input,
            String user) {
        Conference conference = existing(id);
        ConferencePermissions.checkParticipation(current.viewer(), conference, cityId);
        EntityTags.requireMatchIfPresent(ifMatch, conference.version);
        participant(conference, cityId).status = InvitationStatus.valueOf(input.getStatus().name());
        return changed(conference, user);
    }

    public Found removeParticipant(UUID id, UUID cityId, String ifMatch, String user) {
        Conference conference = existing(id);
        ConferencePermissions.checkParticipation(current.viewer(), conference, cityId);
        EntityTags.requireMatchIfPresent(ifMatch, conference.version);
        conference.participants.remove(participant(conference, cityId));
        return changed(conference, user);
    }

    /** The participant, or a 404 when the city does not take part. */
    public static Participant participant(Conference conference, UUID cityId) {
        return conference.participant(cityId).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "City " + cityId + " does not take part in conference " + conference.id + "."));
    }

    private Found changed(Conference conference, String user) {
        conference.participantsChanged();
        conference.updated(user);
        conferences.flush();
        return found(conference);
    }

    private Found save(Conference conference, ConferenceInputDto input, String user) {
        checkRules(input);
        // Loaded at the version If-Match named: a concurrent writer that commits first makes this
        // flush fail with an optimistic-lock error, which is answered as 412.
        org.citylinks.common.Ownership.applyChange(current.viewer(), conference.access, "a conference",
                input.getOwnerOrganizationId(), input.getVisibility() == null ? null
                        : org.citylinks.common.Visibility.valueOf(input.getVisibility().name()));
        ConferenceMapper.apply(input, conference);
        conference.updated(user);
        conferences.flush();
        return found(conference);
    }

    private void checkRules(ConferenceInputDto input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        DateSpans.endBeforeStart(input.getStartDate(), input.getEndDate()).ifPresent(errors::add);
        Map<String, UUID> named = new LinkedHashMap<>();
        named.put("/hostCityId", input.getHostCityId());
        Map<UUID, Integer> firstAt = new HashMap<>();
        List<ParticipantInputDto> participants = input.getParticipants();
        Problem.FieldError repeated = null;
        for (int i = 0; i < participants.size(); i++) {
            if (participants.get(i) == null || participants.get(i).getCityId() == null) {
                continue; // the schema check names it
            }
            UUID cityId = participants.get(i).getCityId();
            named.put("/participants/" + i + "/cityId", cityId);
            Integer first = firstAt.putIfAbsent(cityId, i);
            if (first != null && repeated == null) {
                repeated = Problem.FieldError.atPointer("/participants/" + i + "/cityId",
                        "already takes part (/participants/" + first + ")");
            }
        }
        errors.addAll(cities.unknown(named));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (repeated != null) {
            throw new ProblemException(ProblemType.CONFLICT, "A city takes part in a conference once.",
                    List.of(repeated));
        }
    }

    /** The conference to change: one the caller may see, else a 404; what it may change is asked after. */
    private Conference existing(UUID id) {
        return conferences.findWithParticipants(id).filter(c -> current.viewer().sees(c.access))
                .orElseThrow(() -> ProblemException.notFound("conference", id));
    }

    private Found found(Conference conference) {
        List<UUID> cityIds = cityIds(conference);
        return new Found(conference, cities.summaries(cityIds), organizations.governmentsOf(cityIds));
    }

    static org.citylinks.api.model.ConferenceDto dto(Found found) {
        return ConferenceMapper.toDto(found.conference(), found.cities(), found.governments());
    }

    private static List<UUID> cityIds(Conference conference) {
        List<UUID> ids = new ArrayList<>();
        ids.add(conference.hostCityId);
        conference.participants.forEach(p -> ids.add(p.cityId));
        return ids;
    }
}
