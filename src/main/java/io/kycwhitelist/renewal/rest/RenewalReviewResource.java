package io.kycwhitelist.renewal.rest;

import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.security.Actor;
import io.kycwhitelist.common.security.Roles;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.intake.DocumentKind;
import io.kycwhitelist.renewal.api.RenewalReview;
import io.kycwhitelist.renewal.service.RenewalReviews;
import io.kycwhitelist.review.api.DecisionRequest;
import io.kycwhitelist.review.api.DismissalRequest;
import io.kycwhitelist.review.rest.ReviewResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/review/renewals")
@RolesAllowed(Roles.REVIEWER)
@Tag(name = "Review")
public class RenewalReviewResource {

    private final RenewalReviews renewals;
    private final RequestValidator validator;
    private final JsonWebToken token;

    RenewalReviewResource(RenewalReviews renewals, RequestValidator validator, JsonWebToken token) {
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
    @Operation(summary = "A renewal, with the document on file, the new one, its flags and evidence",
            description = "The ETag goes into the decision's If-Match.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RenewalReview.class)))
    @APIResponse(responseCode = "404", description = "No renewal with this id.")
    public Response renewalForReview(@PathParam("id") UUID id) {
        RenewalReviews.Reviewed reviewed = renewals.view(id);
        return Response.ok(reviewed.review()).header(HttpHeaders.ETAG, reviewed.etag()).build();
    }

    @GET
    @Path("{id}/documents/{kind}")
    @Produces({"image/jpeg", "image/png", "application/pdf"})
    @Operation(summary = "A document of the renewal, as uploaded")
    @APIResponse(responseCode = "200", content = {
        @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))
    })
    @APIResponse(responseCode = "404", description = "No such renewal or document.")
    public Response renewalDocument(@PathParam("id") UUID id,
                                    @Parameter(schema = @Schema(enumeration = {"identity", "professional-investor-evidence"})) @PathParam("kind") String kind) {
        DocumentKind documentKind = DocumentKind.fromPathSegment(kind)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Documents are 'identity' or 'professional-investor-evidence'."));
        return ReviewResource.inline(renewals.document(id, documentKind));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or reject a renewal",
            description = "If-Match must carry the ETag of the renewal as the reviewer saw it. A flagged renewal needs two approvals by "
                    + "different reviewers (the first moves it to PENDING_SECOND_APPROVAL); one rejection suffices, needs a reason and is "
                    + "shown to the holder. An approval is decided again under the policy and the sanctions lists in force and publishes "
                    + "the application's ACTIVE and EXPIRED entries ACTIVE until the new document's expiry.")
    @APIResponse(responseCode = "200", description = "Decided; the new ETag is in the header.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RenewalReview.class)))
    @APIResponse(responseCode = "403", description = "The same reviewer (the token's issuer and subject) approving twice.")
    @APIResponse(responseCode = "404", description = "No renewal with this id.")
    @APIResponse(responseCode = "409", description = "The renewal awaits no decision, the policy in force refuses the applicant now, it lacks "
            + "a document the policy now needs, possible sanctions matches are open, or nothing is left to renew.")
    @APIResponse(responseCode = "412", description = "Someone else changed the renewal.")
    @APIResponse(responseCode = "428", description = "No If-Match.")
    public Response decideRenewal(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, DecisionRequest request) {
        DecisionRequest.validate(request, validator);
        RenewalReviews.Reviewed reviewed = renewals.decide(id, ifMatch, request, Actor.of(token));
        return Response.ok(reviewed.review()).header(HttpHeaders.ETAG, reviewed.etag()).build();
    }

    @POST
    @Path("{id}/sanctions-hits/{hitId}/dismissal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dismiss a possible sanctions match of the renewal's applicant as a false positive",
            description = "With a reason, recorded in the audit trail with the reviewer. If-Match must carry the renewal's ETag.")
    @APIResponse(responseCode = "200", description = "Dismissed; the new ETag is in the header.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RenewalReview.class)))
    @APIResponse(responseCode = "404", description = "No such renewal or hit.")
    @APIResponse(responseCode = "409", description = "The hit was dismissed already, is a listed wallet, or the renewal is decided.")
    @APIResponse(responseCode = "412", description = "Someone else changed the renewal.")
    @APIResponse(responseCode = "428", description = "No If-Match.")
    public Response dismissRenewalHit(@PathParam("id") UUID id, @PathParam("hitId") UUID hitId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      DismissalRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "A JSON body with the reason is required.");
        }
        RequestValidator.failIfAny(validator.violations(request));
        RenewalReviews.Reviewed reviewed = renewals.dismissHit(id, hitId, ifMatch, request.reason(), Actor.of(token));
        return Response.ok(reviewed.review()).header(HttpHeaders.ETAG, reviewed.etag()).build();
    }
}
