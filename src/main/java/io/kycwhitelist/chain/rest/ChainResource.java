package io.kycwhitelist.chain.rest;

import io.kycwhitelist.chain.ChainPublication;
import io.kycwhitelist.chain.api.ChainPublicationView;
import io.kycwhitelist.chain.api.ChainStatusView;
import io.kycwhitelist.chain.service.ChainPublisher;
import io.kycwhitelist.common.Ethereum;
import io.kycwhitelist.common.problem.Problem.FieldError;
import io.kycwhitelist.common.security.Roles;
import io.kycwhitelist.common.validation.RequestValidator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/chain")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
public class ChainResource {

    private final ChainPublisher publisher;
    private final JsonWebToken token;

    ChainResource(ChainPublisher publisher, JsonWebToken token) {
        this.publisher = publisher;
        this.token = token;
    }

    @GET
    @Operation(summary = "Where the token contract publication stands",
            description = "The chain, contract and operator address in use, what waits to be sent or confirmed, what was given up on, and why "
                    + "publication is held up, if it is.")
    @APIResponse(responseCode = "200", description = "The publication's state.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChainStatusView.class)))
    public ChainStatusView chainPublicationStatus() {
        ChainPublisher.Backlog b = publisher.backlog();
        boolean on = publisher.enabled();
        return new ChainStatusView(on, on ? publisher.chainId() : null, publisher.contractAddress(), publisher.operatorAddress(),
                on ? publisher.confirmations() : null, b.pending(), b.sent(), b.dead(), Math.round(b.oldestOpenSeconds()), publisher.problem());
    }

    @GET
    @Path("publications")
    @Operation(summary = "Whitelist changes written to the token contract",
            description = "Oldest first; filtered by status (DEAD: given up on after kyc.chain.give-up-after) and by address.")
    @APIResponse(responseCode = "200", description = "The publications.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ChainPublicationView.class)))
    @APIResponse(responseCode = "400", description = "An unknown status, a malformed address, or limit out of 1..1000.")
    public List<ChainPublicationView> chainPublications(
            @Parameter(description = "PENDING, SENT, CONFIRMED, UNCHANGED, SUPERSEDED or DEAD") @QueryParam("status") String status,
            @QueryParam("address") String address,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        List<FieldError> errors = new ArrayList<>();
        ChainPublication.Status wanted = null;
        if (status != null) {
            wanted = Arrays.stream(ChainPublication.Status.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
            if (wanted == null) {
                errors.add(new FieldError("status", "must be one of " + Arrays.toString(ChainPublication.Status.values())));
            }
        }
        if (address != null) {
            errors.addAll(Ethereum.addressErrors(address, "address"));
        }
        if (limit < 1 || limit > 1000) {
            errors.add(new FieldError("limit", "must be between 1 and 1000"));
        }
        RequestValidator.failIfAny(errors);
        return publisher.publications(wanted, address == null ? null : Ethereum.normalized(address), limit).stream()
                .map(ChainPublicationView::of).toList();
    }

    @POST
    @Path("publications/{id}/replay")
    @Operation(summary = "Send a DEAD publication again", description = "With a fresh retry window; audited with the admin's name.")
    @APIResponse(responseCode = "200", description = "Pending again.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChainPublicationView.class)))
    @APIResponse(responseCode = "404", description = "No such publication.")
    @APIResponse(responseCode = "409", description = "Not DEAD.")
    public ChainPublicationView replayChainPublication(@PathParam("id") long id) {
        return ChainPublicationView.of(publisher.replay(id, token.getName()));
    }
}
