package io.kycwhitelist.audit.rest;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditEvent;
import io.kycwhitelist.audit.api.AuditRecord;
import io.kycwhitelist.common.Ethereum;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.security.Roles;
import io.kycwhitelist.common.validation.RequestValidator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/audit")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
public class AuditResource {

    static final int LIMIT = 1000;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "The audit trail of an application, an address or an action",
            description = "Filters combine. Oldest first, at most 1,000 records. Actions without an application (SANCTIONS_LISTS_LOADED) "
                    + "are found by action.")
    @APIResponse(responseCode = "400", description = "No filter, a malformed address or an unknown action.")
    @APIResponse(responseCode = "200", description = "The records, oldest first.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AuditRecord.class)))
    public List<AuditRecord> audit(@QueryParam("applicationId") UUID applicationId, @QueryParam("address") String address,
                                   @QueryParam("action") @Parameter(schema = @Schema(implementation = AuditAction.class)) String action) {
        if (applicationId == null && address == null && action == null) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Give applicationId, address or action.");
        }
        if (address != null) {
            RequestValidator.failIfAny(Ethereum.addressErrors(address, "address"));
        }
        AuditAction wanted = action == null ? null : Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(action)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.BAD_REQUEST, "action must be one of " + Arrays.toString(AuditAction.values()) + "."));
        String key = address == null ? "" : Ethereum.normalized(address).toLowerCase(Locale.ROOT);
        List<AuditEvent> events = AuditEvent.<AuditEvent>find(
                        "(?1 = false or applicationId = ?2) and (?3 = '' or lower(address) = ?3) and (?4 = false or action = ?5) order by id",
                        applicationId != null, applicationId, key, wanted != null, wanted == null ? AuditAction.SUBMITTED : wanted)
                .range(0, LIMIT - 1)
                .list();
        return events.stream().map(AuditRecord::of).toList();
    }
}
