package org.citylinks.partnership;

import java.util.List;
import java.util.UUID;

import org.citylinks.common.ProblemException;
import org.citylinks.common.Viewer;

/**
 * Who may record and change a partnership: its parties, the governments of its two cities, and
 * operators. Deleting also takes the {@code admin} role; a partnership a signed proposal created
 * is recorded by the signing itself. Partnerships are public.
 */
final class PartnershipPermissions {

    private PartnershipPermissions() {
    }

    static void checkParty(Viewer caller, List<UUID> cityIds) {
        if (!caller.operator() && !caller.governsAny(cityIds)) {
            throw ProblemException.forbidden("Only the government of one of the partnership's two cities (or an"
                    + " operator) may record or change it.");
        }
    }

    static void checkDelete(Viewer caller, List<UUID> cityIds) {
        checkParty(caller, cityIds);
        if (!caller.operator() && !caller.admin()) {
            throw ProblemException.forbidden("Deleting a partnership takes the admin role.");
        }
    }
}
