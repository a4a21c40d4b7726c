package io.kycwhitelist.webhooks.rest;

import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.security.Roles;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.webhooks.api.DeliveryView;
import io.kycwhitelist.webhooks.api.WebhookEndpointView;
import io.kycwhitelist.webhooks.api.WebhookRegistration;
import io.kycwhitelist.webhooks.service.Webhooks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/webhooks")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
public class WebhookResource {

    private final Webhooks webhooks;
    private final RequestValidator validator;
    private final JsonWebToken token;

    WebhookResource(Webhooks webhooks, RequestValidator validator, JsonWebToken token) {
        this.webhooks = webhooks;
        this.validator = validator;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an exchange's webhook endpoint",
            description = "Every whitelist change of the chosen types is POSTed to the URL as JSON (eventId, type, chain, address, status, "
                    + "at), signed in X-KYC-Signature (see the README), at least once and in order per endpoint; failures are retried with "
                    + "exponential backoff for a day, then parked as DEAD. Only https URLs in production.")
    @APIResponse(responseCode = "201", description = "Registered.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookEndpointView.class)))
    @APIResponse(responseCode = "400", description = "Not an (https) URL, a short secret, or no event types.")
    public Response register(WebhookRegistration request) {
        if (request == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "A JSON body with url, secret and eventTypes is required.");
        }
        RequestValidator.failIfAny(validator.violations(request));
        return Response.status(Response.Status.CREATED).entity(webhooks.register(request, token.getName())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The registered endpoints (without their secrets)")
    @APIResponse(responseCode = "200", description = "The endpoints.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookEndpointView.class)))
    public List<WebhookEndpointView> endpoints() {
        return webhooks.endpoints();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove an endpoint", description = "And whatever was still to be delivered to it.")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "404", description = "No such endpoint.")
    public Response remove(@PathParam("id") UUID id) {
        webhooks.remove(id);
        return Response.noContent().build();
    }

    @GET
    @Path("dead-letters")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deliveries given up on", description = "Retried for kyc.webhooks.give-up-after (a day) without success.")
    @APIResponse(responseCode = "200", description = "The dead letters, oldest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
    public List<DeliveryView> deadLetters() {
        return webhooks.dead().stream().map(DeliveryView::of).toList();
    }

    @POST
    @Path("deliveries/{id}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a dead letter again", description = "With a fresh retry window.")
    @APIResponse(responseCode = "200", description = "Pending again.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such delivery.")
    @APIResponse(responseCode = "409", description = "Not a dead letter.")
    public DeliveryView replay(@PathParam("id") long id) {
        return DeliveryView.of(webhooks.replay(id));
    }
}
