package io.kycwhitelist.ownership.rest;

import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.ownership.OwnershipService;
import io.kycwhitelist.ownership.api.ChallengeAnswer;
import io.kycwhitelist.ownership.api.ProofAnswer;
import io.kycwhitelist.ownership.api.ProofRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/applications/{id}/wallets/{address}")
@Tag(name = "Applications")
@Produces(MediaType.APPLICATION_JSON)
public class OwnershipResource {

    private final OwnershipService ownership;

    OwnershipResource(OwnershipService ownership) {
        this.ownership = ownership;
    }

    @POST
    @Path("challenge")
    @Operation(summary = "A message to sign with the wallet",
            description = "EIP-4361-style text naming the service, the application, the address and the token, with a one-time nonce; "
                    + "valid for 15 minutes. A new challenge replaces the wallet's earlier ones.")
    @APIResponse(responseCode = "201", description = "The challenge to sign with the wallet.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChallengeAnswer.class)))
    @APIResponse(responseCode = "404", description = "No application with this id and status token, or no such wallet in it.")
    @APIResponse(responseCode = "409", description = "The application is closed (rejected, approved, expired or withdrawn), another application "
            + "holds the wallet (it proved control first: wallet-already-claimed), or an administrator released it (wallet-released).")
    public Response challenge(
            @PathParam("id") UUID id,
            @PathParam("address") String address,
            @Parameter(description = "The status token from the submission's answer.", required = true) @HeaderParam("X-Status-Token") String statusToken) {
        return Response.status(Response.Status.CREATED).entity(ownership.challenge(id, statusToken, address)).build();
    }

    @PUT
    @Path("proof")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Prove control of the wallet",
            description = "The personal_sign (EIP-191) signature of the newest challenge's message. The signer is recovered and must be this address.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProofAnswer.class)))
    @APIResponse(responseCode = "400", description = "A malformed signature, or one not made by this address over the challenge's message.")
    @APIResponse(responseCode = "404", description = "No application with this id and status token, or no such wallet in it.")
    @APIResponse(responseCode = "409", description = "No challenge issued, or it expired or was used already; the application is closed; "
            + "another application holds the wallet (wallet-already-claimed) or an administrator released it (wallet-released).")
    public ProofAnswer prove(
            @PathParam("id") UUID id,
            @PathParam("address") String address,
            @Parameter(description = "The status token from the submission's answer.", required = true) @HeaderParam("X-Status-Token") String statusToken,
            ProofRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "A JSON body with the signature is required.");
        }
        return ownership.prove(id, statusToken, address, request.signature());
    }
}
