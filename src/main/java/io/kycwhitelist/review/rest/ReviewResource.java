package io.kycwhitelist.review.rest;

import io.kycwhitelist.common.problem.Problem;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.security.Actor;
import io.kycwhitelist.common.security.Roles;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.intake.ApplicationStatus;
import io.kycwhitelist.intake.DocumentKind;
import io.kycwhitelist.review.api.ApplicationReview;
import io.kycwhitelist.review.api.DecisionRequest;
import io.kycwhitelist.review.api.DismissalRequest;
import io.kycwhitelist.review.api.QueuePage;
import io.kycwhitelist.review.service.ReviewService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/review/applications")
@RolesAllowed(Roles.REVIEWER)
@Tag(name = "Review", description = "Role reviewer: the queue, the evidence, the decisions.")
public class ReviewResource {

    private final ReviewService review;
    private final RequestValidator validator;
    private final JsonWebToken token;

    ReviewResource(ReviewService review, RequestValidator validator, JsonWebToken token) {
        this.review = review;
        this.validator = validator;
        this.token = token;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The queue, oldest first", description = "Cursor pagination: pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor this service did not give out.")
    @APIResponse(responseCode = "200", description = "A page of the queue.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueuePage.class)))
    public QueuePage queue(
            @QueryParam("status") @DefaultValue("PENDING_REVIEW") @Parameter(schema = @Schema(implementation = ApplicationStatus.class)) String status,
            @QueryParam("limit") @DefaultValue("20") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) String limit,
            @QueryParam("cursor") String cursor) {
        ApplicationStatus wanted = Arrays.stream(ApplicationStatus.values()).filter(v -> v.name().equals(status)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.BAD_REQUEST,
                        "status must be one of " + Arrays.toString(ApplicationStatus.values()) + "."));
        int size;
        try {
            size = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "limit must be a whole number from 1 to " + ReviewService.MAX_PAGE + ".");
        }
        return review.queue(wanted, size, cursor);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Everything a reviewer needs to decide", description = "The ETag goes into the decision's If-Match.")
    @APIResponse(responseCode = "404", description = "No application with this id.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationReview.class)))
    public Response application(@PathParam("id") UUID id) {
        ReviewService.Reviewed reviewed = review.application(id);
        return Response.ok(reviewed.review()).header(HttpHeaders.ETAG, reviewed.etag()).build();
    }

    @GET
    @Path("{id}/documents/{kind}")
    @Produces({"image/jpeg", "image/png", "application/pdf"})
    @Operation(summary = "A document's bytes, as uploaded")
    @APIResponse(responseCode = "200", content = {
        @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))
    })
    @APIResponse(responseCode = "404", description = "No such application or document.")
    public Response document(@PathParam("id") UUID id, @PathParam("kind") String kind) {
        DocumentKind documentKind = DocumentKind.fromPathSegment(kind)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Documents are 'identity' or 'professional-investor-evidence'."));
        return inline(review.document(id, documentKind));
    }

    /** A stored document for the reviewer's browser to show, never to cache or sniff. */
    public static Response inline(ReviewService.StoredDocument document) {
        return Response.ok(document.content(), document.contentType())
                .header("Content-Disposition", "inline")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or reject",
            description = "If-Match must carry the ETag of the application as the reviewer saw it. A flagged application needs two "
                    + "approvals by different reviewers (the first moves it to PENDING_SECOND_APPROVAL); one rejection suffices and "
                    + "needs a reason. A final approval publishes the wallets to the whitelist.")
    @APIResponse(responseCode = "200", description = "Decided; the new ETag is in the header.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationReview.class)))
    @APIResponse(responseCode = "404", description = "No application with this id.")
    @APIResponse(responseCode = "403", description = "The same reviewer (the token's issuer and subject) approving twice, a token without the "
            + "reviewer role, or one without a subject.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The application awaits no decision, or an approval while possible sanctions matches are "
            + "open, of an applicant the policy in force restricts, or of an application that holds none of its wallets.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Someone else changed the application.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decide(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, DecisionRequest request) {
        DecisionRequest.validate(request, validator);
        ReviewService.Reviewed reviewed = review.decide(id, ifMatch, request, Actor.of(token));
        return Response.ok(reviewed.review()).header(HttpHeaders.ETAG, reviewed.etag()).build();
    }

    @POST
    @Path("{id}/sanctions-hits/{hitId}/dismissal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dismiss a sanctions hit as a false positive",
            description = "With a reason, recorded in the audit trail with the reviewer. If-Match must carry the application's ETag. "
                    + "An application with open hits cannot be approved; a wallet on the list is not a hit that can be dismissed.")
    @APIResponse(responseCode = "200", description = "Dismissed; the new ETag is in the header.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationReview.class)))
    @APIResponse(responseCode = "404", description = "No such application or hit.")
    @APIResponse(responseCode = "409", description = "The hit was dismissed already, is a listed wallet, or the application is decided.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Someone else changed the application.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response dismissHit(@PathParam("id") UUID id, @PathParam("hitId") UUID hitId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               DismissalRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "A JSON body with the reason is required.");
        }
        RequestValidator.failIfAny(validator.violations(request));
        ReviewService.Reviewed reviewed = review.dismissHit(id, hitId, ifMatch, request.reason(), Actor.of(token));
        return Response.ok(reviewed.review()).header(HttpHeaders.ETAG, reviewed.etag()).build();
    }
}
