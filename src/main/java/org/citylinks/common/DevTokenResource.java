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
 * {@code curl -s 'localhost:8080/dev/token?role=admin'}. The bean does not exist in any other
 * build, and the key it signs with is the dev and test key under {@code src/test/resources/jwt}.
 */
@IfBuildProfile("dev")
@Path("/dev/token")
public class DevTokenResource {

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String token(@QueryParam("role") @DefaultValue(Roles.EDITOR) String role,
            @QueryParam("user") @DefaultValue("dev@citylinks.org") String user) {
        if (!Roles.EDITOR.equals(role) && !Roles.ADMIN.equals(role)) {
            throw ProblemException.invalidParameter("role", "must be editor or admin");
        }
        Set<String> groups = Roles.ADMIN.equals(role) ? Set.of(Roles.EDITOR, Roles.ADMIN) : Set.of(role);
        return Jwt.issuer(issuer).upn(user).subject(user).groups(groups).expiresIn(Duration.ofHours(8)).sign();
    }
}
