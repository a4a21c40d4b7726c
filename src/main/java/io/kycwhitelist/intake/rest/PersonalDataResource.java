package io.kycwhitelist.intake.rest;

import io.kycwhitelist.common.security.Roles;
import io.kycwhitelist.intake.service.PersonalDataSealing;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/personal-data")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
public class PersonalDataResource {

    private final PersonalDataSealing sealing;
    private final JsonWebToken token;

    PersonalDataResource(PersonalDataSealing sealing, JsonWebToken token) {
        this.sealing = sealing;
        this.token = token;
    }

    @POST
    @Path("reseal")
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
}
