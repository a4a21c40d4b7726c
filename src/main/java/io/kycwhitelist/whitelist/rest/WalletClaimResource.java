package io.kycwhitelist.whitelist.rest;

import io.kycwhitelist.common.Ethereum;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.security.Roles;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.whitelist.ClaimRelease;
import io.kycwhitelist.whitelist.api.ClaimReleaseRequest;
import io.kycwhitelist.whitelist.api.ReleasedClaimView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/wallet-claims")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
public class WalletClaimResource {

    private final ClaimRelease release;
    private final RequestValidator validator;
    private final JsonWebToken token;

    WalletClaimResource(ClaimRelease release, RequestValidator validator, JsonWebToken token) {
        this.release = release;
        this.validator = validator;
        this.token = token;
    }

    @POST
    @Path("{address}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Release an application's claim on a wallet",
            description = "With a reason, audited. The address is free for another application to prove and hold; the wallet is out of "
                    + "the releasing application for good (it is not whitelisted with it). A whitelisted address is revoked first.")
    @APIResponse(responseCode = "200", description = "Released.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleasedClaimView.class)))
    @APIResponse(responseCode = "400", description = "A malformed address, or no reason.")
    @APIResponse(responseCode = "404", description = "No application holds this address.")
    @APIResponse(responseCode = "409", description = "The address is whitelisted (ACTIVE, SUSPENDED or being activated): revoke it first.")
    public ReleasedClaimView releaseClaim(@PathParam("address") String address, ClaimReleaseRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "A JSON body with the reason is required.");
        }
        RequestValidator.failIfAny(Ethereum.addressErrors(address, "address"));
        RequestValidator.failIfAny(validator.violations(request));
        return release.release(Ethereum.normalized(address), request.reason(), token.getName());
    }
}
