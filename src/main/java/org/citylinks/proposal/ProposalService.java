package org.citylinks.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.citylinks.api.model.DecisionInputDto;
import org.citylinks.api.model.ProposalInputDto;
import org.citylinks.api.model.TransitionInputDto;
import org.citylinks.city.CityDirectory;
import org.citylinks.common.EntityTags;
import org.citylinks.common.JsonMergePatch;
import org.citylinks.common.Problem;
import org.citylinks.common.ProblemException;
import org.citylinks.common.ProblemType;
import org.citylinks.partnership.PartnershipService;
import org.citylinks.city.CitySummary;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Proposal use cases. Each public method is one transaction; reads join none. */
@ApplicationScoped
@Transactional
public class ProposalService implements org.citylinks.common.InputRules<ProposalInputDto> {

    @Override
    public Class<ProposalInputDto> inputType() {
        return ProposalInputDto.class;
    }

    @Override
    public void check(ProposalInputDto input) {
        checkRules(input);
    }


    @Inject
    org.citylinks.common.ReadOnlyMembers readOnly;

    @Inject
    ProposalRepository proposals;

    @Inject
    CityDirectory cities;

    @Inject
    PartnershipService partnerships;

    @Inject
    JsonMergePatch mergePatch;

    @Inject
    org.citylinks.common.CurrentUser current;

    @Inject
    org.citylinks.common.OrganizationMemberships organizations;

    /**
     * A proposal with what its representation embeds: cities, history, the partnership signed,
     * and the governments of its cities (its parties).
     */
    public record Found(Proposal proposal, Map<UUID, CitySummary> cities, List<ProposalEvent> history,
            UUID partnershipId, Map<UUID, List<UUID>> governments) {
    }

    /** A page of proposals, with what each embeds, and the next cursor. */
    public record Page(List<Found> proposals, String next) {
    }

    /** The proposal, if there is one the caller may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Found> find(UUID id) {
        return proposals.findWithProgrammes(id).filter(p -> current.viewer().sees(p.access)).map(this::found);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page search(ProposalSearch search) {
        ProposalRepository.Result result = proposals.search(search, current.viewer());
        List<UUID> ids = result.proposals().stream().map(p -> p.id).toList();
        Map<UUID, List<ProposalEvent>> history = proposals.history(ids);
        List<UUID> cityIds = new ArrayList<>();
        result.proposals().forEach(p -> cityIds.addAll(List.of(p.proposerCityId, p.partnerCityId)));
        Map<UUID, CitySummary> summaries = cities.summaries(cityIds);
        Map<UUID, List<UUID>> governments = organizations.governmentsOf(cityIds);
        Map<UUID, UUID> signed = partnerships.createdFrom(result.proposals().stream()
                .filter(p -> p.status == ProposalStatus.SIGNED).map(p -> p.id).toList());
        List<Found> page = result.proposals().stream()
                .map(p -> new Found(p, summaries, history.get(p.id), signed.get(p.id), governments)).toList();
        return new Page(page, result.next());
    }

    public Found create(ProposalInputDto input, String user) {
        readOnly.refuse(input);
        checkRules(input);
        checkFacilitator(input.getFacilitatorOrganizationId());
        Proposal proposal = new Proposal();
        proposal.id = UUID.randomUUID();
        proposal.access.ownerOrganizationId = org.citylinks.common.Ownership.ownerOfNew(current.viewer(),
                "a proposal", input.getOwnerOrganizationId(), organizations::exists);
        // A negotiation stays between its parties until it is signed, unless its owner says otherwise.
        proposal.access.visibility = input.getVisibility() == null ? org.citylinks.common.Visibility.PARTIES
                : org.citylinks.common.Visibility.valueOf(input.getVisibility().name());
        ProposalMapper.apply(input, proposal);
        proposal.status = ProposalStatus.DRAFT;
        LocalDate drafted = input.getDraftedOn() == null ? today() : input.getDraftedOn();
        ProposalTransitions.checkDraftingDate(List.of(), drafted, today());
        proposal.created(user);
        proposals.persist(proposal);
        record(proposal, null, ProposalStatus.DRAFT, drafted, null, user);
        proposals.flush();
        return found(proposal);
    }

    public Found replace(UUID id, String ifMatch, ProposalInputDto input, String user) {
        Proposal proposal = existing(id);
        ProposalPermissions.checkTerms(current.viewer(), proposal);
        EntityTags.requireMatch(ifMatch, proposal.version);
        readOnly.requireUnchanged(input, () -> ProposalMapper.toDto(found(proposal)));
        return save(proposal, input, user);
    }

    /** Applies an RFC 7396 merge patch to the writable fields, then checks the result as a PUT would be. */
    public Found patch(UUID id, String ifMatch, ObjectNode patch, String user) {
        Proposal proposal = existing(id);
        ProposalPermissions.checkTerms(current.viewer(), proposal);
        EntityTags.requireMatch(ifMatch, proposal.version);
        readOnly.requireUnchanged("ProposalPatch", patch, () -> ProposalMapper.toDto(found(proposal)));
        ProposalInputDto input = mergePatch.apply(ProposalMapper.toInput(proposal), patch, ProposalInputDto.class);
        return save(proposal, input, user);
    }

    public void delete(UUID id, String ifMatch) {
        Proposal proposal = existing(id);
        ProposalPermissions.checkDelete(current.viewer(), proposal);
        EntityTags.requireMatch(ifMatch, proposal.version);
        Map<String, Long> references = proposals.references(id);
        if (!references.isEmpty()) {
            throw ProblemException.stillReferenced("Proposal " + proposal.title, references);
        }
        proposals.delete(proposal);
        proposals.flush();
    }

    /**
     * Moves the proposal to another status, as {@link ProposalTransitions} allows and
     * {@link ProposalPermissions} lets the caller's side, and appends the move to its history.
     * {@code SIGNED} adds the caller's side's signature; the second side's signature signs it, which
     * creates the partnership in the same transaction.
     */
    public Found transition(UUID id, String ifMatch, TransitionInputDto input, String user) {
        // Locked: two sides signing at once must see each other's signature, not both wait for it.
        Proposal proposal = existingLocked(id);
        EntityTags.requireMatchIfPresent(ifMatch, proposal.version);
        ProposalStatus to = ProposalStatus.valueOf(input.getTo().name());
        org.citylinks.common.Viewer caller = current.viewer();
        if (to == ProposalStatus.SIGNED) {
            ProposalPermissions.checkSign(caller, proposal);
        } else {
            ProposalPermissions.checkMove(caller, proposal, to);
        }
        ProposalTransitions.check(proposal, to);
        LocalDate on = input.getDate() == null ? today() : input.getDate();
        List<ProposalEvent> history = new java.util.ArrayList<>(proposals.history(List.of(id)).get(id));
        ProposalTransitions.checkMoveDate(history, on, today());
        if (to == ProposalStatus.SIGNED) {
            for (ProposalSide side : ProposalTransitions.sign(proposal, ProposalPermissions.sides(caller, proposal))) {
                Signature signature = new Signature();
                signature.side = side;
                signature.organizationId = ProposalPermissions.signingOrganization(caller, proposal, side);
                signature.signedBy = user;
                signature.signedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                proposal.signatures.add(signature);
            }
            if (!ProposalTransitions.signedByBoth(proposal)) {
                proposal.updated(user);
                proposals.flush();
                return found(proposal);
            }
        }
        UUID partnershipId = null;
        if (to == ProposalStatus.SIGNED) {
            // What the partner accepted is what the partnership carries out (issue 20).
            List<PartnershipService.ProgrammeTerms> accepted = proposal.programmes.stream()
                    .filter(p -> p.decision == ProgrammeDecision.ACCEPTED)
                    .map(p -> new PartnershipService.ProgrammeTerms(p.number, p.title, p.description)).toList();
            partnershipId = partnerships.createFromProposal(proposal.id, proposal.proposerCityId,
                    proposal.partnerCityId, proposal.relationshipType, proposal.fields, on, accepted, user);
            // The agreement is public once signed, as the partnership it made is; the owner may change that.
            proposal.access.visibility = org.citylinks.common.Visibility.PUBLIC;
        }
        ProposalStatus from = proposal.status;
        proposal.status = to;
        proposal.updated(user);
        history.add(record(proposal, from, to, on, input.getNote(), user));
        proposals.flush();
        List<UUID> cityIds = List.of(proposal.proposerCityId, proposal.partnerCityId);
        return new Found(proposal, cities.summaries(cityIds), history, partnershipId, organizations.governmentsOf(cityIds));
    }

    /** Records the partner's decision on one programme, while the proposal awaits one. */
    public Found decide(UUID id, int number, String ifMatch, DecisionInputDto input, String user) {
        Proposal proposal = existingLocked(id);
        ProposalPermissions.checkDecision(current.viewer(), proposal);
        EntityTags.requireMatchIfPresent(ifMatch, proposal.version);
        Programme programme = proposal.programmes.stream().filter(p -> p.number == number).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                        "Proposal " + id + " has no programme " + number + "."));
        ProposalTransitions.checkDecisionOpen(proposal);
        programme.decision = ProgrammeDecision.valueOf(input.getDecision().name());
        programme.decisionNote = input.getNote();
        proposal.updated(user);
        proposals.flush();
        return found(proposal);
    }

    private Found save(Proposal proposal, ProposalInputDto input, String user) {
        checkRules(input);
        ProposalTransitions.checkTermsChange(proposal, input);
        checkFacilitator(input.getFacilitatorOrganizationId());
        org.citylinks.common.Ownership.applyChange(current.viewer(), proposal.access, "a proposal",
                input.getOwnerOrganizationId(), input.getVisibility() == null ? null
                        : org.citylinks.common.Visibility.valueOf(input.getVisibility().name()));
        // Loaded at the version If-Match named: a concurrent writer that commits first makes this
        // flush fail with an optimistic-lock error, which is answered as 412.
        if (input.getDraftedOn() != null) {
            redate(proposal, input.getDraftedOn());
        }
        ProposalMapper.apply(input, proposal);
        proposal.updated(user);
        proposals.flush();
        return found(proposal);
    }

    /** Moves the drafting record to another day, which must still come no later than the first move. */
    private void redate(Proposal proposal, LocalDate drafted) {
        List<ProposalEvent> history = proposals.history(List.of(proposal.id)).get(proposal.id);
        if (history == null || history.isEmpty() || history.get(0).happenedOn.equals(drafted)) {
            return;
        }
        ProposalTransitions.checkDraftingDate(history, drafted, today());
        history.get(0).happenedOn = drafted;
    }

    private void checkRules(ProposalInputDto input) {
        List<Problem.FieldError> errors = new ArrayList<>(ProposalTransitions.inputViolations(input));
        Map<String, UUID> named = new LinkedHashMap<>();
        named.put("/proposerCityId", input.getProposerCityId());
        named.put("/partnerCityId", input.getPartnerCityId());
        errors.addAll(cities.unknown(named));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** A facilitator named by id must be an organisation CityLinks knows. */
    private void checkFacilitator(UUID facilitator) {
        if (facilitator != null && !organizations.exists(facilitator)) {
            throw ProblemException.invalid(List.of(Problem.FieldError.atPointer("/facilitatorOrganizationId",
                    "is not the id of an organisation")));
        }
    }

    private ProposalEvent record(Proposal proposal, ProposalStatus from, ProposalStatus to, LocalDate on, String note,
            String user) {
        ProposalEvent event = new ProposalEvent();
        event.proposalId = proposal.id;
        event.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        event.happenedOn = on;
        event.fromStatus = from;
        event.toStatus = to;
        event.note = note;
        event.recordedBy = user;
        event.persist();
        return event;
    }

    private Found found(Proposal proposal) {
        UUID partnershipId = proposal.status == ProposalStatus.SIGNED
                ? partnerships.createdFrom(proposal.id).orElse(null) : null;
        List<UUID> cityIds = List.of(proposal.proposerCityId, proposal.partnerCityId);
        return new Found(proposal, cities.summaries(cityIds), proposals.history(List.of(proposal.id)).get(proposal.id),
                partnershipId, organizations.governmentsOf(cityIds));
    }

    /** The proposal to change: one the caller may see, else a 404; what it may change is asked after. */
    private Proposal existing(UUID id) {
        return proposals.findWithProgrammes(id).filter(p -> current.viewer().sees(p.access))
                .orElseThrow(() -> ProblemException.notFound("proposal", id));
    }

    /** As {@link #existing}, holding the row's lock until commit, for changes that read what others write. */
    private Proposal existingLocked(UUID id) {
        proposals.lock(id);
        return existing(id);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
