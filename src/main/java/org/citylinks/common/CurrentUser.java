package org.citylinks.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is making the request, as recorded in {@code createdBy} and {@code updatedBy}. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }
}
