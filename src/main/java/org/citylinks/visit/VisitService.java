package org.citylinks.visit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.citylinks.api.model.VisitInputDto;
import org.citylinks.city.CityDirectory;
import org.citylinks.common.DateSpans;
import org.citylinks.common.EntityTags;
import org.citylinks.common.JsonMergePatch;
import org.citylinks.common.Problem;
import org.citylinks.common.ProblemException;
import org.citylinks.proposal.ProposalDirectory;
import org.citylinks.city.CitySummary;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Visit use cases. Each public method is one transaction; reads join none. */
@ApplicationScoped
@Transactional
public class VisitService implements org.citylinks.common.InputRules<VisitInputDto> {

    @Override
    public Class<VisitInputDto> inputType() {
        return VisitInputDto.class;
    }

    @Override
    public void check(VisitInputDto input) {
        checkRules(input);
    }


    @Inject
    org.citylinks.common.ReadOnlyMembers readOnly;

    @Inject
    VisitRepository visits;

    @Inject
    CityDirectory cities;

    @Inject
    ProposalDirectory proposals;

    @Inject
    JsonMergePatch mergePatch;

    @Inject
    org.citylinks.common.CurrentUser current;

    @Inject
    org.citylinks.common.OrganizationMemberships organizations;

    /** A visit, the cities it embeds, and the governments of its cities (its parties). */
    public record Found(Visit visit, Map<UUID, CitySummary> cities, Map<UUID, List<UUID>> governments,
            java.util.Set<UUID> visibleProposals) {
    }

    /** A page of visits, the cities they embed and their governments, and the next cursor. */
    public record Page(List<Visit> visits, Map<UUID, CitySummary> cities, Map<UUID, List<UUID>> governments,
            java.util.Set<UUID> visibleProposals, String next) {
    }

    /** The visit, if there is one the caller may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Found> find(UUID id) {
        return visits.findByIdOptional(id).filter(v -> current.viewer().sees(v.access)).map(this::found);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page search(VisitSearch search) {
        VisitRepository.Result result = visits.search(search, current.viewer());
        List<UUID> cityIds = new ArrayList<>();
        result.visits().forEach(v -> cityIds.addAll(List.of(v.fromCityId, v.toCityId)));
        return new Page(result.visits(), cities.summaries(cityIds), organizations.governmentsOf(cityIds),
                proposals.visibleAmong(result.visits().stream().map(v -> v.proposalId).toList(), current.viewer()),
                result.next());
    }

    public Found create(VisitInputDto input, String user) {
        readOnly.refuse(input);
        checkRules(input);
        org.citylinks.common.Viewer caller = current.viewer();
        Visit visit = new Visit();
        visit.id = UUID.randomUUID();
        visit.access.ownerOrganizationId = org.citylinks.common.Ownership.ownerOfNew(caller, "a visit",
                input.getOwnerOrganizationId(), organizations::exists);
        visit.access.visibility = input.getVisibility() == null ? org.citylinks.common.Visibility.PUBLIC
                : org.citylinks.common.Visibility.valueOf(input.getVisibility().name());
        VisitMapper.apply(input, visit);
        visit.created(user);
        visits.persistAndFlush(visit);
        return found(visit);
    }

    public Found replace(UUID id, String ifMatch, VisitInputDto input, String user) {
        Visit visit = existing(id);
        EntityTags.requireMatch(ifMatch, visit.version);
        readOnly.requireUnchanged(input, () -> dto(found(visit)));
        return save(visit, input, user);
    }

    /** Applies an RFC 7396 merge patch, then checks the result as a PUT would be. */
    public Found patch(UUID id, String ifMatch, ObjectNode patch, String user) {
        Visit visit = existing(id);
        EntityTags.requireMatch(ifMatch, visit.version);
        readOnly.requireUnchanged("VisitPatch", patch, () -> dto(found(visit)));
        VisitInputDto input = mergePatch.apply(VisitMapper.toInput(visit), patch, VisitInputDto.class);
        input.setEndDate(DateSpans.endAfterPatch(patch.has("startDate"), patch.has("endDate"), visit.startDate,
                visit.endDate, input.getEndDate()));
        return save(visit, input, user);
    }

    public void delete(UUID id, String ifMatch) {
        Visit visit = existing(id);
        VisitPermissions.checkDelete(current.viewer(), visit);
        EntityTags.requireMatch(ifMatch, visit.version);
        visits.delete(visit);
        visits.flush();
    }

    private Found save(Visit visit, VisitInputDto input, String user) {
        checkRules(input);
        // Loaded at the version If-Match named: a concurrent writer that commits first makes this
        // flush fail with an optimistic-lock error, which is answered as 412.
        if (input.getProposalId() == null && visit.proposalId != null
                && !proposals.exists(visit.proposalId, current.viewer())) {
            // The caller read no proposalId because it may not see that proposal: sending none keeps the link.
            input.setProposalId(visit.proposalId);
        }
        org.citylinks.common.Ownership.applyChange(current.viewer(), visit.access, "a visit",
                input.getOwnerOrganizationId(), input.getVisibility() == null ? null
                        : org.citylinks.common.Visibility.valueOf(input.getVisibility().name()));
        VisitMapper.apply(input, visit);
        visit.updated(user);
        visits.flush();
        return found(visit);
    }

    private void checkRules(VisitInputDto input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input.getFromCityId() != null && Objects.equals(input.getFromCityId(), input.getToCityId())) {
            errors.add(Problem.FieldError.atPointer("/toCityId", "must be another city than fromCityId"));
        }
        DateSpans.endBeforeStart(input.getStartDate(), input.getEndDate()).ifPresent(errors::add);
        Map<String, UUID> named = new LinkedHashMap<>();
        named.put("/fromCityId", input.getFromCityId());
        named.put("/toCityId", input.getToCityId());
        errors.addAll(cities.unknown(named));
        if (input.getProposalId() != null && !proposals.exists(input.getProposalId(), current.viewer())) {
            errors.add(Problem.FieldError.atPointer("/proposalId", "is not the id of a proposal"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** The visit to change: one the caller may see (else a 404) and may change (else a 403). */
    private Visit existing(UUID id) {
        Visit visit = visits.findByIdOptional(id).filter(v -> current.viewer().sees(v.access))
                .orElseThrow(() -> ProblemException.notFound("visit", id));
        VisitPermissions.checkEdit(current.viewer(), visit);
        return visit;
    }

    private Found found(Visit visit) {
        List<UUID> cityIds = List.of(visit.fromCityId, visit.toCityId);
        return new Found(visit, cities.summaries(cityIds), organizations.governmentsOf(cityIds),
                proposals.visibleAmong(java.util.Arrays.asList(visit.proposalId), current.viewer()));
    }

    static org.citylinks.api.model.VisitDto dto(Found found) {
        return VisitMapper.toDto(found.visit(), found.cities(), found.governments(), found.visibleProposals());
    }
}
