package io.kycwhitelist.whitelist;

import io.kycwhitelist.intake.Chain;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A whitelist change, written in the transaction of the decision that caused it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChangeType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Chain chain;

    /** EIP-55 form. */
    @Column(nullable = false)
    public String address;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** For an activation: the applicant proved control of the wallet. */
    @Column(name = "ownership_proven", nullable = false)
    public boolean ownershipProven;

    public static OutboxEvent of(ChangeType type, Chain chain, String address, UUID applicationId, Instant expiresAt, String reason, Instant at) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.type = type;
        event.chain = chain;
        event.address = address;
        event.applicationId = applicationId;
        event.expiresAt = expiresAt;
        event.reason = reason;
        event.createdAt = at;
        return event;
    }
}
