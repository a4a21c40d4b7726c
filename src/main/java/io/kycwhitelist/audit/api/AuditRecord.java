package io.kycwhitelist.audit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditEvent;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AuditRecord")
public record AuditRecord(
        long id, Instant at, @Schema(description = "Token subject, or applicant / system.") String actor, AuditAction action,
        UUID applicationId, String address, String policyVersion, String detail) {

    public static AuditRecord of(AuditEvent e) {
        return new AuditRecord(e.id, e.occurredAt, e.actor, e.action, e.applicationId, e.address, e.policyVersion, e.detail);
    }
}
