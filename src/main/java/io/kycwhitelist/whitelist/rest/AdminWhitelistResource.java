package io.kycwhitelist.whitelist.rest;

import io.kycwhitelist.common.Ethereum;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.security.Actor;
import io.kycwhitelist.common.security.Roles;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.whitelist.WhitelistAdministration;
import io.kycwhitelist.whitelist.api.ReinstatementRequest;
import io.kycwhitelist.whitelist.api.ReinstatementView;
import io.kycwhitelist.whitelist.api.RevokeRequest;
import io.kycwhitelist.whitelist.api.WhitelistEntryView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/whitelist")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration", description = "Role admin: revocations, reinstatements, policy rollout and the audit trail.")
public class AdminWhitelistResource {

    private final WhitelistAdministration administration;
    private final RequestValidator validator;
    private final JsonWebToken token;

    AdminWhitelistResource(WhitelistAdministration administration, RequestValidator validator, JsonWebToken token) {
        this.administration = administration;
        this.validator = validator;
        this.token = token;
    }

    @POST
    @Path("{address}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke an address", description = "Published like every change; exchanges see REVOKED from then on.")
    @APIResponse(responseCode = "400", description = "A malformed address, or no reason.")
    @APIResponse(responseCode = "404", description = "The address is not on the whitelist.")
    @APIResponse(responseCode = "409", description = "The address is revoked already.")
    @APIResponse(responseCode = "200", description = "Revoked.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WhitelistEntryView.class)))
    public WhitelistEntryView revoke(@PathParam("address") String address, RevokeRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "A JSON body with the reason is required.");
        }
        RequestValidator.failIfAny(Ethereum.addressErrors(address, "address"));
        RequestValidator.failIfAny(validator.violations(request));
        return administration.revoke(Ethereum.normalized(address), request.reason(), token.getName());
    }

    @POST
    @Path("{address}/reinstatement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reinstate a suspended address (four eyes)",
            description = "The first admin's call asks for the reinstatement with a reason (202); a second, different admin's call "
                    + "confirms it with theirs (200), and the entry is published ACTIVE again until its document's expiry.")
    @APIResponse(responseCode = "400", description = "A malformed address, or no reason.")
    @APIResponse(responseCode = "404", description = "The address is not on the whitelist.")
    @APIResponse(responseCode = "409", description = "The entry is not SUSPENDED, its document expired (renew instead), or the same admin "
            + "tried to confirm their own request.")
    @APIResponse(responseCode = "202", description = "Asked for; awaits a second admin.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReinstatementView.class)))
    @APIResponse(responseCode = "200", description = "Confirmed: the entry is ACTIVE again.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReinstatementView.class)))
    public Response reinstate(@PathParam("address") String address, ReinstatementRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "A JSON body with the reason is required.");
        }
        RequestValidator.failIfAny(Ethereum.addressErrors(address, "address"));
        RequestValidator.failIfAny(validator.violations(request));
        ReinstatementView view = administration.reinstate(Ethereum.normalized(address), request.reason(), Actor.of(token));
        return Response.status(view.confirmed() ? Response.Status.OK : Response.Status.ACCEPTED).entity(view).build();
    }

    @GET
    @Path("expiring")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Entries expiring soon", description = "ACTIVE entries whose identity document expires within withinDays "
            + "(default 30), soonest first, at most 1,000: their holders should renew.")
    @APIResponse(responseCode = "200", description = "The entries.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = WhitelistEntryView.class)))
    @APIResponse(responseCode = "400", description = "withinDays out of 1..366.")
    public List<WhitelistEntryView> expiring(@QueryParam("withinDays") @DefaultValue("30") int withinDays) {
        return administration.expiringWithin(withinDays);
    }
}
