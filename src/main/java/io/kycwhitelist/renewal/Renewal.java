package io.kycwhitelist.renewal;

import io.kycwhitelist.intake.DocumentKind;
import io.kycwhitelist.policy.DocumentType;
import io.kycwhitelist.policy.Flag;
import io.kycwhitelist.policy.Reason;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A holder's renewal of an approved application with a new identity document, decided like an
 * application: flags for reviewers, four eyes for flagged ones, If-Match. Personal data: never logged.
 */
@Entity
@DynamicUpdate // writes only what changed: never an older copy of a sealed value that re-sealing renewed meanwhile
@Table(name = "renewal")
public class Renewal extends PanacheEntityBase {

    public enum Status {
        /** Waiting for the holder's documents. */
        PENDING_DOCUMENT,
        /** Every document is in; waiting for a reviewer. */
        PENDING_REVIEW,
        /** Flagged, approved by one reviewer; waiting for a second, different one (four eyes). */
        PENDING_SECOND_APPROVAL,
        APPROVED,
        REJECTED,
        /** Never completed by the holder in time (kyc.applications.open-for). */
        EXPIRED,
        /** Closed because the application's personal data was erased. */
        CANCELLED;

        public boolean open() {
            return this == PENDING_DOCUMENT || this == PENDING_REVIEW || this == PENDING_SECOND_APPROVAL;
        }

        public boolean awaitsDecision() {
            return this == PENDING_REVIEW || this == PENDING_SECOND_APPROVAL;
        }
    }

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_document_type", nullable = false)
    public DocumentType idDocumentType;

    /** Sealed (SealedColumn.RENEWAL_ID_DOCUMENT_NUMBER); null once erased. */
    @Column(name = "id_document_number_sealed")
    public byte[] idDocumentNumberSealed;

    @Column(name = "id_document_issuing_country", nullable = false)
    public String idDocumentIssuingCountry;

    @Column(name = "id_document_expiry", nullable = false)
    public LocalDate idDocumentExpiry;

    /** Why the policy rejected it; empty unless REJECTED by the policy. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Reason> reasons = new ArrayList<>();

    /** What reviewers must look at (the policy's flags with the new document, a possible sanctions match). Never shown to the holder. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Flag> flags = new ArrayList<>();

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    /** When its last required document came in (it went to review). */
    @Column(name = "document_at")
    public Instant documentAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    /** Ends it: decided (approved, rejected) or closed (expired, cancelled), by whom and why. */
    public void close(Status end, String by, String reason, Instant at) {
        status = end;
        decidedBy = by;
        decisionReason = reason;
        decidedAt = at;
        updatedAt = at;
    }

    public List<DocumentKind> requiredDocuments() {
        return DocumentKind.requiredFor(flags);
    }
}
