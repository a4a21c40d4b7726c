package io.kycwhitelist.renewal.rest;

import io.kycwhitelist.common.problem.Problem;
import io.kycwhitelist.common.security.Roles;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.renewal.api.RenewalReview;
import io.kycwhitelist.renewal.service.RenewalService;
import io.kycwhitelist.review.api.DecisionRequest;
import io.kycwhitelist.review.rest.ReviewResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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

@Path("/api/v1/review/renewals")
@RolesAllowed(Roles.REVIEWER)
@Tag(name = "Review")
public class RenewalReviewResource {

    private final RenewalService renewals;
    private final RequestValidator validator;
    private final JsonWebToken token;

    RenewalReviewResource(RenewalService renewals, RequestValidator validator, JsonWebToken token) {
        this.renewals = renewals;
        this.validator = validator;
        this.token = token;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Renewals waiting for a reviewer", description = "Oldest first, at most 100.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = RenewalReview.class)))
    public List<RenewalReview> renewalQueue() {
        return renewals.queue();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A renewal, with the document on file and the new one")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RenewalReview.class)))
    @APIResponse(responseCode = "404", description = "No renewal with this id.")
    public RenewalReview renewalForReview(@PathParam("id") UUID id) {
        return renewals.view(id);
    }

    @GET
    @Path("{id}/document")
    @Produces({"image/jpeg", "image/png", "application/pdf"})
    @Operation(summary = "The new document's copy, as uploaded")
    @APIResponse(responseCode = "200", content = {
        @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))
    })
    @APIResponse(responseCode = "404", description = "No such renewal, or no document yet.")
    public Response renewalDocument(@PathParam("id") UUID id) {
        return ReviewResource.inline(renewals.document(id));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or reject a renewal",
            description = "An approval is decided again under the policy in force and publishes the application's ACTIVE and EXPIRED "
                    + "entries ACTIVE until the new document's expiry; a rejection needs a reason and is shown to the holder.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RenewalReview.class)))
    @APIResponse(responseCode = "404", description = "No renewal with this id.")
    @APIResponse(responseCode = "409", description = "The renewal awaits no decision, the policy in force refuses the applicant now, or the sanctions lists in force list a wallet or hold a possible match no reviewer has seen.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RenewalReview decideRenewal(@PathParam("id") UUID id, DecisionRequest request) {
        DecisionRequest.validate(request, validator);
        return renewals.decide(id, request, token.getName());
    }
}
