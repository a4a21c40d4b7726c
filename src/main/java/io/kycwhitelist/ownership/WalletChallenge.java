package io.kycwhitelist.ownership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message issued for a wallet to sign; the newest one of a wallet is the one that counts, once. */
@Entity
@Table(name = "wallet_challenge")
public class WalletChallenge extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "address_key", nullable = false)
    public String addressKey;

    @Column(nullable = false)
    public String nonce;

    @Column(nullable = false)
    public String message;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    static WalletChallenge newest(UUID applicationId, String addressKey) {
        return find("applicationId = ?1 and addressKey = ?2 order by id desc", applicationId, addressKey).firstResult();
    }
}
