package org.citylinks.common;

import java.util.Map;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * What a broken database constraint means to the client. The services check every rule before they
 * write; the constraints catch what two concurrent requests can still slip past those checks, and
 * are named in the migrations so they can be told apart here.
 */
final class DatabaseConstraints {

    private static final Logger LOG = Logger.getLogger(DatabaseConstraints.class);

    private record Meaning(String detail, String pointer, String message) {
    }

    private static final Map<String, Meaning> UNIQUE = Map.of(
            "partnership_pair_type_once", new Meaning("These two cities already have a partnership of this type.",
                    "/cityIds", "already have a partnership of this type"),
            "partnership_source_proposal_id_key", new Meaning("This proposal has already been signed.", "/to",
                    "the proposal's partnership exists already"),
            "conference_participant_once", new Meaning("This city already takes part in the conference.", "/cityId",
                    "already takes part"),
            "city_geonames_id_key", new Meaning("Another city already has this external id.", "/externalIds/geonames",
                    "another city already has this id"),
            "city_wikidata_id_key", new Meaning("Another city already has this external id.", "/externalIds/wikidata",
                    "another city already has this id"),
            "city_simplemaps_id_key", new Meaning("Another city already has this external id.",
                    "/externalIds/simplemaps", "another city already has this id"));

    private DatabaseConstraints() {
    }

    static ProblemException problem(ConstraintViolationException e) {
        String name = e.getConstraintName() == null ? "" : e.getConstraintName();
        Meaning meaning = UNIQUE.get(name);
        if (meaning != null) {
            return ProblemException.conflict(meaning.detail(), meaning.pointer(), meaning.message());
        }
        LOG.infof("Constraint %s refused a write (%s)", name, e.getKind());
        if (e.getKind() == ConstraintViolationException.ConstraintKind.FOREIGN_KEY) {
            return new ProblemException(ProblemType.CONFLICT,
                    "A resource this request refers to, or one that refers to it, changed at the same time. Retry.");
        }
        return new ProblemException(ProblemType.CONFLICT,
                "The request conflicts with a change made at the same time. Read the resource again and retry.");
    }
}
