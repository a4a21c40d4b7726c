package io.kycwhitelist.common.security;

import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Development only ({@code ./mvnw quarkus:dev}): hands out tokens signed by the development key
 * in {@code dev/jwt/}. It is not built into the packaged application, and production verifies
 * tokens against its own issuer's key.
 */
@IfBuildProfile("dev")
@Path("/dev/token")
@Tag(name = "Development")
public class DevTokenResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A bearer token for a role (development only)")
    public String token(@QueryParam("role") String role, @QueryParam("subject") String subject) {
        if (!Set.of(Roles.REVIEWER, Roles.ADMIN, Roles.EXCHANGE).contains(role)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "role must be reviewer, admin or exchange.");
        }
        String name = subject == null || subject.isBlank() ? role + "@dev.local" : subject;
        return Jwt.subject(name).upn(name)
                .groups(Set.of(role))
                .expiresIn(Duration.ofHours(8))
                .sign();
    }
}
