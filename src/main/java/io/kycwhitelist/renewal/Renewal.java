package io.kycwhitelist.renewal;

import io.kycwhitelist.policy.DocumentType;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A holder's renewal of an approved application with a new identity document. Personal data: never logged. */
@Entity
@Table(name = "renewal")
public class Renewal extends PanacheEntityBase {

    public enum Status { PENDING_DOCUMENT, PENDING_REVIEW, APPROVED, REJECTED }

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

    /** Sealed (AES-GCM): open with Sealing#openText. */
    @Column(name = "id_document_number_sealed", nullable = false)
    public byte[] idDocumentNumberSealed;

    @Column(name = "id_document_issuing_country", nullable = false)
    public String idDocumentIssuingCountry;

    @Column(name = "id_document_expiry", nullable = false)
    public LocalDate idDocumentExpiry;

    /** Why the policy rejected it; empty unless REJECTED by the policy. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Reason> reasons = new ArrayList<>();

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @Column(name = "content_type")
    public String contentType;

    /** The document's copy, sealed. */
    public byte[] content;

    @Column(name = "size_bytes")
    public Integer sizeBytes;

    public String sha256;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "document_at")
    public Instant documentAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version
    @Column(nullable = false)
    public long version;

    public boolean open() {
        return status == Status.PENDING_DOCUMENT || status == Status.PENDING_REVIEW;
    }
}
