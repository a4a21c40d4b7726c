package io.kycwhitelist.audit.rest;

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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "The audit trail of an application or an address", description = "Oldest first, at most 1,000 records.")
    @APIResponse(responseCode = "400", description = "Neither applicationId nor address, or a malformed address.")
    public List<AuditRecord> audit(@QueryParam("applicationId") UUID applicationId, @QueryParam("address") String address) {
        if (applicationId == null && address == null) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Give applicationId or address.");
        }
        if (address != null) {
            RequestValidator.failIfAny(Ethereum.addressErrors(address, "address"));
        }
        String key = address == null ? "" : Ethereum.normalized(address).toLowerCase(Locale.ROOT);
        List<AuditEvent> events = AuditEvent.<AuditEvent>find(
                        "(?1 = false or applicationId = ?2) and (?3 = '' or lower(address) = ?3) order by id",
                        applicationId != null, applicationId, key)
                .range(0, LIMIT - 1)
                .list();
        return events.stream().map(AuditRecord::of).toList();
    }
}
