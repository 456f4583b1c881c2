package org.citylinks.common;

import java.time.Duration;
import java.util.Set;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;

/**
 * Dev mode only: hands out a signed token for trying writes, for example
 * {@code curl -s 'localhost:8080/dev/token?role=editor&org=0b1a0000-0000-4000-8000-000000000002'} for an
 * editor of Metz's office (the dev data's organisations are listed in the README), or
 * {@code role=operator} for the platform's own staff. The bean does not exist in any other
 * build, and the key it signs with is the dev and test key under {@code src/test/resources/jwt}.
 */
@IfBuildProfile("dev")
@Path("/dev/token")
public class DevTokenResource {

    @ConfigProperty(name = "quarkus.oidc.token.issuer")
    String issuer;

    @ConfigProperty(name = "quarkus.oidc.token.audience")
    java.util.List<String> audience;

    @jakarta.inject.Inject
    AuthSettings settings;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String token(@QueryParam("role") @DefaultValue(Roles.EDITOR) String role,
            @QueryParam("user") @DefaultValue("dev@citylinks.org") String user,
            @QueryParam("org") java.util.List<String> organizations) {
        Set<String> groups = switch (role) {
            case Roles.EDITOR -> Set.of(Roles.EDITOR);
            case Roles.ADMIN -> Set.of(Roles.EDITOR, Roles.ADMIN);
            case Roles.OPERATOR -> Set.of(Roles.OPERATOR);
            case "reader" -> Set.of();
            default -> throw ProblemException.invalidParameter("role", "must be reader, editor, admin or operator");
        };
        for (String organization : organizations) {
            try {
                java.util.UUID.fromString(organization);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidParameter("org", "must be an organisation's id");
            }
        }
        return Jwt.issuer(issuer).audience(Set.copyOf(audience)).upn(user).subject(user).groups(groups).claim(settings.organizationClaim(), organizations)
                .expiresIn(Duration.ofHours(8)).sign();
    }
}
