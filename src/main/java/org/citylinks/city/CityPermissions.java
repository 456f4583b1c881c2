package org.citylinks.city;

import org.citylinks.common.ProblemException;
import org.citylinks.common.Viewer;

/**
 * Who maintains a city's entry. Any editor may add a city the directory lacks; an existing entry
 * is kept by operators, by the city's own government, and by whoever added it (its organisation,
 * or the person when they had none) until the city has a government. Deleting also takes the
 * {@code admin} role. Cities are public: everyone sees every entry.
 */
final class CityPermissions {

    private CityPermissions() {
    }

    static void checkEdit(Viewer caller, City city, boolean cityHasGovernment) {
        if (caller.operator() || caller.governs(city.id)) {
            return;
        }
        if (!cityHasGovernment && isCreator(caller, city)) {
            return;
        }
        throw ProblemException.forbidden(cityHasGovernment
                ? "Only the government of " + city.name + " (or an operator) may change its entry."
                : "Only whoever added " + city.name + " (or an operator) may change its entry until the city has a"
                        + " government organisation.");
    }

    static void checkDelete(Viewer caller, City city, boolean cityHasGovernment) {
        checkEdit(caller, city, cityHasGovernment);
        if (!caller.operator() && !caller.admin()) {
            throw ProblemException.forbidden("Deleting a city takes the admin role.");
        }
    }

    private static boolean isCreator(Viewer caller, City city) {
        if (city.ownerOrganizationId != null) {
            return caller.memberOf(city.ownerOrganizationId);
        }
        return city.createdBy != null && city.createdBy.equals(caller.subject());
    }
}
