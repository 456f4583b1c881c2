package org.citylinks.common;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is making the request: the name recorded in {@code createdBy} and {@code updatedBy}, and the
 * {@link Viewer} that decides what the caller sees and may change. The organisations come from the
 * token's organisation claim ({@code citylinks.auth.organization-claim}, {@code org} by default):
 * a string or an array of organisation ids, or an object whose members' values carry the id under
 * one of {@code citylinks.auth.organization-id-members} (the shape Keycloak's organisation
 * membership mapper writes, with the organisations' attributes or ids).
 */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    OrganizationMemberships memberships;

    @Inject
    AuthSettings settings;

    private Viewer viewer;

    public String name() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    /**
     * The subject of the caller's token when it is valid, else null: who a client is for the fair-use
     * bounds, whatever address it calls from.
     */
    public String subject() {
        if (anonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /**
     * The caller, resolved once per request. A read sent with a token that is not valid is answered
     * as an anonymous one (it sees public records), as reads were before organisations; a write
     * with one never gets this far, its role check answers 401.
     */
    public Viewer viewer() {
        if (viewer == null) {
            viewer = anonymous() ? Viewer.ANONYMOUS : resolve();
        }
        return viewer;
    }

    /** No token, or one that is not valid: the caller is answered as anonymous. */
    private boolean anonymous() {
        try {
            return identity.isAnonymous();
        } catch (io.quarkus.security.AuthenticationFailedException
                | io.quarkus.security.AuthenticationCompletionException e) {
            return true;
        }
    }

    private Viewer resolve() {
        boolean operator = identity.hasRole(Roles.OPERATOR);
        boolean admin = identity.hasRole(Roles.ADMIN);
        boolean editor = admin || identity.hasRole(Roles.EDITOR);
        Set<UUID> claimed = claimedOrganizations();
        Viewer.Memberships found = claimed.isEmpty() ? new Viewer.Memberships(Set.of(), java.util.Map.of())
                : memberships.resolve(claimed);
        return new Viewer(name(), operator, editor, admin, found.organizations(), found.governments());
    }

    private Set<UUID> claimedOrganizations() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Set.of();
        }
        Object claim = token.getClaim(settings.organizationClaim());
        Set<UUID> ids = new LinkedHashSet<>();
        collect(claim, ids, 0, settings.organizationIdMembers());
        return ids;
    }

    /** Reads ids from the claim's accepted shapes; anything else in it is ignored. */
    private static void collect(Object value, Set<UUID> ids, int depth, java.util.List<String> idMembers) {
        if (value == null || depth > 2) {
            return;
        }
        if (value instanceof JsonString text) {
            uuid(text.getString()).ifPresent(ids::add);
        } else if (value instanceof String text) {
            uuid(text).ifPresent(ids::add);
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> collect(item, ids, depth + 1, idMembers));
        } else if (value instanceof Iterable<?> items) {
            items.forEach(item -> collect(item, ids, depth + 1, idMembers));
        } else if (value instanceof JsonObject object) {
            for (JsonValue member : object.values()) {
                if (member instanceof JsonObject entry) {
                    for (String idMember : idMembers) {
                        if (entry.containsKey(idMember)) {
                            collect(entry.get(idMember), ids, depth + 1, idMembers);
                        }
                    }
                }
            }
        }
    }

    private static Optional<UUID> uuid(String text) {
        if (text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
