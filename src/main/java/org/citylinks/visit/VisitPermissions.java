package org.citylinks.visit;

import org.citylinks.common.Ownership;
import org.citylinks.common.ProblemException;
import org.citylinks.common.Viewer;

/**
 * Who may change a visit: its owner (the organisation that recorded it) and the governments of
 * either of its two cities, as both sides took part; operators too, and they alone for a visit
 * owned by no organisation (one from before organisations). Deleting takes an admin of the
 * owner. Who may see it is its visibility's rule ({@link Viewer#sees}).
 */
final class VisitPermissions {

    private VisitPermissions() {
    }

    static void checkEdit(Viewer caller, Visit visit) {
        Ownership.checkOwned(caller, visit.access, "visit");
        if (caller.operator() || Ownership.isOwner(caller, visit.access)
                || caller.governs(visit.fromCityId) || caller.governs(visit.toCityId)) {
            return;
        }
        throw ProblemException.forbidden("Only the visit's owner or the government of one of its two cities may change it.");
    }

    static void checkDelete(Viewer caller, Visit visit) {
        Ownership.checkDelete(caller, visit.access, "a visit");
    }
}
