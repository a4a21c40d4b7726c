package io.kycwhitelist.whitelist;

import io.kycwhitelist.intake.Chain;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An address of the whitelist, as the whitelist store holds it. Written only by {@link WhitelistStore}.
 * An ACTIVE entry past {@code expiresAt} answers EXPIRED even before {@link ExpiryJob} marks it.
 */
@Entity
@Table(name = "whitelist_entry")
public class WhitelistEntry extends PanacheEntityBase {

    @Id
    @Column(name = "address_key")
    public String addressKey;

    @Column(nullable = false)
    public String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Chain chain;

    /** ACTIVE, REVOKED or EXPIRED. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WhitelistStatus status;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    /** When the entry took its status. */
    @Column(nullable = false)
    public Instant since;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public String reason;

    @Column(name = "ownership_proven", nullable = false)
    public boolean ownershipProven;

    @Column(name = "last_event_id", nullable = false)
    public long lastEventId;

    @Column(name = "change_seq", nullable = false)
    public long changeSeq;
}
