package org.citylinks.common;

import java.util.List;
import java.util.UUID;

/**
 * The rules of owning a visit, conference or proposal, the same for the three: who owns a new one,
 * and who may change its owner or its visibility. Each feature's permissions say who may do what
 * else to it, by side.
 */
public final class Ownership {

    private Ownership() {
    }

    /**
     * The owner of a record {@code caller} creates: the organisation the input names, which must be
     * one of the caller's, or the caller's only organisation. An operator may name any existing
     * organisation, or none for a record of the platform's own.
     *
     * @param what      the record, as a detail names it ("a visit")
     * @param requested the input's {@code ownerOrganizationId}, or null
     * @param exists    whether an id names an existing organisation (asked for an operator's choice)
     */
    public static UUID ownerOfNew(Viewer caller, String what, UUID requested, java.util.function.Predicate<UUID> exists) {
        if (requested != null) {
            if (caller.memberOf(requested) || (caller.operator() && exists.test(requested))) {
                return requested;
            }
            throw ProblemException.invalid(List.of(Problem.FieldError.atPointer("/ownerOrganizationId",
                    caller.operator() ? "is not the id of an organisation"
                            : "must be one of the organisations your token names")));
        }
        if (caller.organizations().size() == 1) {
            return caller.organizations().iterator().next();
        }
        if (caller.organizations().size() > 1) {
            throw ProblemException.invalid(List.of(Problem.FieldError.atPointer("/ownerOrganizationId",
                    "is required: your token names several organisations; say which one owns it")));
        }
        if (caller.operator()) {
            return null;
        }
        throw ProblemException.forbidden("Creating " + what + " takes a token of an organisation: yours names none"
                + " that CityLinks knows (its organisation claim).");
    }

    /**
     * Applies a change of owner or visibility an update asks for: the owner changes only by an
     * operator, the visibility only by the owner or an operator. Null means unchanged (a client
     * that does not know these members keeps them as they are).
     */
    public static void applyChange(Viewer caller, RecordAccess access, String what, UUID owner, Visibility visibility) {
        if (owner != null && !owner.equals(access.ownerOrganizationId)) {
            if (!caller.operator()) {
                throw ProblemException.forbidden("Only an operator may give " + what + " another owner.");
            }
            access.ownerOrganizationId = owner;
        }
        if (visibility != null && visibility != access.visibility) {
            if (!caller.operator() && !(caller.editor() && caller.memberOf(access.ownerOrganizationId))) {
                throw ProblemException.forbidden("Only the owner of " + what + " (its ownerOrganizationId) may change its"
                        + " visibility.");
            }
            access.visibility = visibility;
        }
    }

    /**
     * A record owned by no organisation (one from before organisations, or an operator's own) is
     * changed by operators only: no organisation has a claim to it.
     */
    public static void checkOwned(Viewer caller, RecordAccess access, String what) {
        if (access.ownerOrganizationId == null && !caller.operator()) {
            throw ProblemException.forbidden("This " + what + " is owned by no organisation (it is from before"
                    + " organisations, or an operator's): only an operator may change it.");
        }
    }

    /** Whether the caller may delete the record: an admin of its owner, or an operator. */
    public static void checkDelete(Viewer caller, RecordAccess access, String what) {
        if (caller.operator()) {
            return;
        }
        if (!(caller.admin() && caller.memberOf(access.ownerOrganizationId))) {
            throw ProblemException.forbidden("Only an admin of the organisation that owns " + what
                    + " (or an operator) may delete it.");
        }
    }

    /** Whether the caller belongs to the owner, for rules that let the owner act. */
    public static boolean isOwner(Viewer caller, RecordAccess access) {
        return access.ownerOrganizationId != null && caller.memberOf(access.ownerOrganizationId);
    }

    /** A 404 for a record the caller may not see: for it, the record does not exist. */
    public static void requireVisible(Viewer caller, RecordAccess access, String what, UUID id) {
        if (!caller.sees(access)) {
            throw ProblemException.notFound(what, id);
        }
    }
}
