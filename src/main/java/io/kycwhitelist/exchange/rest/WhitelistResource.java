package io.kycwhitelist.exchange.rest;

import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.security.Roles;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.exchange.WhitelistCheck;
import io.kycwhitelist.exchange.api.CheckRequest;
import io.kycwhitelist.exchange.api.CheckResults;
import io.kycwhitelist.exchange.api.WhitelistAnswer;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/whitelist")
@RolesAllowed({Roles.EXCHANGE, Roles.ADMIN})
@Tag(name = "Exchanges", description = "Role exchange (or admin): may an address receive the token?")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
public class WhitelistResource {

    private final WhitelistCheck check;
    private final RequestValidator validator;

    WhitelistResource(WhitelistCheck check, RequestValidator validator) {
        this.check = check;
        this.validator = validator;
    }

    @GET
    @Path("{address}")
    @Operation(summary = "Where an address stands",
            description = "ACTIVE (whitelisted), REVOKED, EXPIRED, SUSPENDED (its holder became restricted under a later policy or sanctions list, pending review), SANCTIONED (on a sanctions list) or NOT_LISTED; an unknown address is NOT_LISTED, a malformed one is a 400. Any letter case.")
    @APIResponse(responseCode = "400", description = "A malformed address.")
    @APIResponse(responseCode = "200", description = "Where the address stands.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WhitelistAnswer.class)))
    public WhitelistAnswer one(@PathParam("address") String address) {
        return check.check(address, "address");
    }

    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where up to 1,000 addresses stand", description = "One answer per address, in the order asked.")
    @APIResponse(responseCode = "400", description = "No addresses, more than 1,000, or a malformed one (named by its index).")
    @APIResponse(responseCode = "200", description = "One answer per address, in the order asked.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckResults.class)))
    public CheckResults many(CheckRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "A JSON body with the addresses is required.");
        }
        RequestValidator.failIfAny(validator.violations(request));
        return new CheckResults(check.checkAll(request.addresses()));
    }
}
