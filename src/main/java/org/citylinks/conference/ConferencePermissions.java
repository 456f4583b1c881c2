package org.citylinks.conference;

import java.util.UUID;

import org.citylinks.common.Ownership;
import org.citylinks.common.ProblemException;
import org.citylinks.common.Viewer;

/**
 * Who may change a conference: the host's side (its owner and the host city's government) runs it
 * and its list of participants; a participating city's government may change its own
 * participation (role, invitation status, track) and withdraw it. Operators may do anything, and
 * they alone change a conference owned by no organisation; deleting takes an admin of the owner.
 */
final class ConferencePermissions {

    private ConferencePermissions() {
    }

    static boolean isHostSide(Viewer caller, Conference conference) {
        return caller.operator() || Ownership.isOwner(caller, conference.access) || caller.governs(conference.hostCityId);
    }

    static void checkHost(Viewer caller, Conference conference) {
        Ownership.checkOwned(caller, conference.access, "conference");
        if (!isHostSide(caller, conference)) {
            throw ProblemException.forbidden("Only the host's side (the conference's owner or the government of its host"
                    + " city) may change the conference and its list of participants.");
        }
    }

    static void checkParticipation(Viewer caller, Conference conference, UUID cityId) {
        Ownership.checkOwned(caller, conference.access, "conference");
        if (!isHostSide(caller, conference) && !caller.governs(cityId)) {
            throw ProblemException.forbidden("Only the host's side or the government of city " + cityId
                    + " may change that city's participation.");
        }
    }

    static void checkDelete(Viewer caller, Conference conference) {
        Ownership.checkDelete(caller, conference.access, "a conference");
    }
}
