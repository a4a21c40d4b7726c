package io.kycwhitelist.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The first answer to a POST with an Idempotency-Key. The key is kept as a hash, and the stored
 * answer lacks the status token: a replay derives the token again (see StatusTokens).
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    /** SHA-256 (hex) of the Idempotency-Key header. */
    @Id
    @Column(name = "key_hash")
    public String keyHash;

    /** SHA-256 (hex) of the canonical request body. */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "response_body", nullable = false)
    public String responseBody;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
