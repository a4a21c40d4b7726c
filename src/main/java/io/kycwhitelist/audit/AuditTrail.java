package io.kycwhitelist.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Appends to the audit trail, inside the caller's transaction: the record commits with the change. */
@ApplicationScoped
public class AuditTrail {

    public static final String APPLICANT = "applicant";
    public static final String SYSTEM = "system";

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, AuditAction action, UUID applicationId, String policyVersion, String detail, Instant at) {
        record(actor, action, applicationId, null, policyVersion, detail, at);
    }

    /** A record about one wallet address (EIP-55 form). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, AuditAction action, UUID applicationId, String address, String policyVersion, String detail, Instant at) {
        AuditEvent event = new AuditEvent();
        event.address = address;
        event.occurredAt = at;
        event.actor = actor;
        event.action = action;
        event.applicationId = applicationId;
        event.policyVersion = policyVersion;
        event.detail = detail;
        event.persist();
    }
}
