package org.citylinks.organization;

import org.citylinks.common.ProblemException;
import org.citylinks.common.Viewer;

/**
 * Who may change organisations. Operators add and delete them and may change anything; an admin
 * of an organisation edits its profile (name, website), but what it is and which city it speaks
 * for decide what its members may do elsewhere, so only operators change those.
 */
final class OrganizationPermissions {

    private OrganizationPermissions() {
    }

    static void checkCreate(Viewer caller) {
        if (!caller.operator()) {
            throw ProblemException.forbidden("Only an operator may add an organisation.");
        }
    }

    static void checkDelete(Viewer caller) {
        if (!caller.operator()) {
            throw ProblemException.forbidden("Only an operator may delete an organisation.");
        }
    }

    static void checkEdit(Viewer caller, Organization organization, OrganizationKind kind, java.util.UUID cityId) {
        if (caller.operator()) {
            return;
        }
        if (!caller.admin() || !caller.memberOf(organization.id)) {
            throw ProblemException.forbidden("Only an admin of " + organization.name + " or an operator may edit its profile.");
        }
        if (kind != organization.kind || !java.util.Objects.equals(cityId, organization.cityId)) {
            throw ProblemException.forbidden("Only an operator may change what an organisation is (kind) or the city it represents (cityId).");
        }
    }
}
