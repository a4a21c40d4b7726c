package io.kycwhitelist.intake.rest;

import io.kycwhitelist.common.problem.Problem;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.security.Roles;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.intake.api.ErasureRequest;
import io.kycwhitelist.intake.service.Erasure;
import io.kycwhitelist.intake.service.PersonalDataSealing;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admins' handling of personal data: re-sealing under a new key, erasure. */
@Path("/api/v1/admin")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
public class PersonalDataResource {

    private final PersonalDataSealing sealing;
    private final Erasure erasure;
    private final RequestValidator validator;
    private final JsonWebToken token;

    PersonalDataResource(PersonalDataSealing sealing, Erasure erasure, RequestValidator validator, JsonWebToken token) {
        this.sealing = sealing;
        this.erasure = erasure;
        this.validator = validator;
        this.token = token;
    }

    @POST
    @Path("personal-data/reseal")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Seal the stored personal data again under the active key",
            description = "After a new key became active (KYC_ENCRYPTION_ACTIVE_KEY, with the old key still in KYC_ENCRYPTION_KEYS): "
                    + "every ID document number, date of birth and document sealed under another key is sealed again. Audited. "
                    + "When it answers, the old key can be removed from the configuration.")
    @APIResponse(responseCode = "200", description = "How many applications and documents were sealed again.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalDataSealing.Resealed.class)))
    public PersonalDataSealing.Resealed reseal() {
        return sealing.resealAndRecord(token.getName());
    }

    @POST
    @Path("applications/{id}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase an application's personal data",
            description = "On the applicant's request: its documents, date of birth, ID document number and e-mail are deleted and its "
                    + "name is replaced by a keyed hash; decisions and the audit trail stay, and its wallets stay whitelisted until "
                    + "revoked. Applications past the retention period (KYC_RETENTION_PERIOD) are erased by the service itself.")
    @APIResponse(responseCode = "204", description = "Erased.")
    @APIResponse(responseCode = "400", description = "No reason.")
    @APIResponse(responseCode = "404", description = "No application with this id.")
    @APIResponse(responseCode = "409", description = "Erased already, or awaiting a decision.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response erase(@PathParam("id") UUID id, ErasureRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "A JSON body with the reason is required.");
        }
        RequestValidator.failIfAny(validator.violations(request));
        erasure.erase(id, request.reason(), token.getName());
        return Response.noContent().build();
    }
}
