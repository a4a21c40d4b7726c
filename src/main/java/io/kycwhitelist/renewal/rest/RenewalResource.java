package io.kycwhitelist.renewal.rest;

import static io.kycwhitelist.intake.rest.ApplicationResource.STATUS_TOKEN;

import io.kycwhitelist.common.problem.Problem;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.intake.DocumentKind;
import io.kycwhitelist.intake.DocumentSniffer;
import io.kycwhitelist.renewal.api.RenewalRequest;
import io.kycwhitelist.renewal.api.RenewalView;
import io.kycwhitelist.renewal.service.RenewalService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The holder renews an approved application with a new identity document, through the status link. */
@Path("/api/v1/applications/{id}/renewal")
@Tag(name = "Applications")
@APIResponse(responseCode = "404", description = "No application with this id and status token.",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RenewalResource {

    private final RenewalService renewals;
    private final RequestValidator validator;

    RenewalResource(RenewalService renewals, RequestValidator validator) {
        this.renewals = renewals;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Renew with a new identity document",
            description = "For an approved application whose wallets are whitelisted or expired. Give the new document's details here, "
                    + "then upload its copy to /renewal/documents/identity; a reviewer approves the renewal and the wallets are whitelisted until the "
                    + "new document's expiry. A document the policy refuses (for example issued by a restricted country) is REJECTED at "
                    + "once, with reasons. Sent again before the upload, it replaces the details.")
    @APIResponse(responseCode = "201", description = "Started: PENDING_DOCUMENT, or REJECTED by the policy.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RenewalView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; `errors` names each field.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not approved, nothing to renew, a renewal in review already, or the new document "
            + "does not expire after the one on file.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response requestRenewal(@PathParam("id") UUID id,
                            @Parameter(description = "The status token from the submission's answer.", required = true) @HeaderParam(STATUS_TOKEN) String statusToken,
                            RenewalRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "A JSON body with the new identity document is required.");
        }
        RequestValidator.failIfAny(validator.violations(request));
        return Response.status(Response.Status.CREATED).entity(renewals.request(id, statusToken, request.idDocument())).build();
    }

    @PUT
    @Path("documents/{kind}")
    @Consumes({DocumentSniffer.JPEG, DocumentSniffer.PNG, DocumentSniffer.PDF})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a document of the renewal",
            description = "The raw file as the body, at most 10 MiB, as image/jpeg, image/png or application/pdf: the copy of the new identity "
                    + "document, and fresh `professional-investor-evidence` when the renewal lists it among its missing documents. With every "
                    + "document in, the renewal goes to review.")
    @APIResponse(responseCode = "200", description = "IN_REVIEW once every document is in, else PENDING_DOCUMENT with what is missing.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RenewalView.class)))
    @APIResponse(responseCode = "409", description = "No renewal waits for a document, or it does not need this kind.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The document is larger than 10 MiB.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not a JPEG, PNG or PDF, or the content does not match the declared type.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RenewalView uploadRenewalDocument(@PathParam("id") UUID id,
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
        return renewals.upload(id, statusToken, documentKind, contentType, content);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where the latest renewal stands")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RenewalView.class)))
    public RenewalView latestRenewal(@PathParam("id") UUID id,
                              @Parameter(description = "The status token from the submission's answer.", required = true) @HeaderParam(STATUS_TOKEN) String statusToken) {
        return renewals.latest(id, statusToken);
    }
}
