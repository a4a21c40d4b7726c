package io.kycwhitelist.intake.rest;

import io.kycwhitelist.common.problem.Problem;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.intake.DocumentKind;
import io.kycwhitelist.intake.DocumentSniffer;
import io.kycwhitelist.intake.api.ApplicationCreated;
import io.kycwhitelist.intake.api.ApplicationRequest;
import io.kycwhitelist.intake.api.ApplicationStatusView;
import io.kycwhitelist.intake.api.DocumentReceipt;
import io.kycwhitelist.intake.service.ApplicantView;
import io.kycwhitelist.intake.service.DocumentUploads;
import io.kycwhitelist.intake.service.IntakeService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/applications")
@Tag(name = "Applications", description = "Public: apply for the whitelist, upload documents, follow the status.")
@APIResponse(responseCode = "400", description = "Invalid request; `errors` names each field.", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "validation", value = ApiExamples.VALIDATION_PROBLEM)))
@APIResponse(responseCode = "500", description = "The service failed.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ApplicationResource {

    public static final String STATUS_TOKEN = "X-Status-Token";

    private final IntakeService intake;
    private final ApplicantView view;
    private final DocumentUploads documents;

    ApplicationResource(IntakeService intake, ApplicantView view, DocumentUploads documents) {
        this.intake = intake;
        this.view = view;
        this.documents = documents;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply for the whitelist",
            description = "Validates the application and decides it against the jurisdiction policy in force at once: "
                    + "REJECTED with every reason that applies, or PENDING_DOCUMENT. Bodies are limited to 64 KiB.")
    @APIResponse(responseCode = "201", description = "Created; decided under the policy version given.",
            headers = @Header(name = "Location", description = "The status endpoint of the application.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationCreated.class),
                    examples = @ExampleObject(name = "rejected", value = ApiExamples.REJECTED)))
    @APIResponse(responseCode = "409", description = "A wallet is held by another application (whitelisted, or proven by its applicant).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "411", description = "The body was sent without a Content-Length.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than 64 KiB.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationRequest.class),
                    examples = {
                        @ExampleObject(name = "individual", value = ApiExamples.INDIVIDUAL),
                        @ExampleObject(name = "organization", value = ApiExamples.ORGANIZATION)
                    }))
            ApplicationRequest request,
            @Parameter(description = "A unique key per application, such as a UUID: retrying with the same key and body answers the first answer again.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 255))
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri) {
        if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > 255)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The Idempotency-Key header must be 1 to 255 characters long.");
        }
        IntakeService.Submission submission = intake.submit(request, idempotencyKey);
        Response.ResponseBuilder response = Response.created(uri.getAbsolutePathBuilder().path(submission.answer().id().toString()).build())
                .type(MediaType.APPLICATION_JSON)
                .entity(submission.answer());
        if (submission.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where an application stands",
            description = "Status, reasons, policy version and what is still to do; no personal data, and nothing of the review.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationStatusView.class)))
    @APIResponse(responseCode = "404", description = "No application with this id and status token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApplicationStatusView status(
            @PathParam("id") UUID id,
            @Parameter(description = "The status token from the submission's answer.", required = true) @HeaderParam(STATUS_TOKEN) String statusToken) {
        return view.status(id, statusToken);
    }

    @PUT
    @Path("{id}/documents/{kind}")
    @Consumes({DocumentSniffer.JPEG, DocumentSniffer.PNG, DocumentSniffer.PDF})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a document",
            description = "The raw file as the body, at most 10 MiB, declared as image/jpeg, image/png or application/pdf; "
                    + "its first bytes must match the declared type. `professional-investor-evidence` is taken only from "
                    + "applications that list it among their missing documents (the Hong Kong Professional Investor exception). A new upload of the same kind replaces the old one "
                    + "until the application is in review.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentReceipt.class)))
    @APIResponse(responseCode = "404", description = "No application with this id and status token, or no such document kind.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The application is rejected, expired, in review, or does not need this kind of document.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The document is larger than 10 MiB.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not a JPEG, PNG or PDF, or the content does not match the declared type.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DocumentReceipt upload(
            @PathParam("id") UUID id,
            @Parameter(schema = @Schema(enumeration = {"identity", "professional-investor-evidence"})) @PathParam("kind") String kind,
            @Parameter(description = "The status token from the submission's answer.", required = true) @HeaderParam(STATUS_TOKEN) String statusToken,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody(required = true, content = {
                @Content(mediaType = DocumentSniffer.JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = DocumentSniffer.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = DocumentSniffer.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
            byte[] content) {
        DocumentKind documentKind = DocumentKind.fromPathSegment(kind)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Documents are 'identity' or 'professional-investor-evidence'."));
        return documents.upload(id, statusToken, documentKind, contentType, content);
    }
}
