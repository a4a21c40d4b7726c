package io.kycwhitelist.chain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.kycwhitelist.common.Retries;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One whitelist change to write to the token contract. */
@Entity
@Table(name = "chain_publication")
public class ChainPublication extends PanacheEntityBase {

    @Schema(name = "ChainPublicationStatus")
    public enum Status {
        /** To send (again, after a failure, a revert or a lost nonce). */
        PENDING,
        /** Sent under {@code nonce}; waiting to be mined and confirmed. */
        SENT,
        /** Mined in a successful transaction with the configured number of confirmations. */
        CONFIRMED,
        /** The contract already held it: no transaction was needed. */
        UNCHANGED,
        /** A later change of the address reached the chain first; sending this one would undo it. */
        SUPERSEDED,
        /** Retried for the configured time without success; an admin can replay it. */
        DEAD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    /** The whitelist change's outbox position: an address's later changes have higher ones (whatever order they commit in). */
    @Column(nullable = false)
    public long sequence;

    @Column(name = "change_type", nullable = false)
    public String changeType;

    /** EIP-55 form, as the whitelist change has it. */
    @Column(nullable = false)
    public String address;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "target_status", nullable = false)
    public short targetStatus;

    @Column(name = "target_expires_at", nullable = false)
    public long targetExpiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public Long nonce;

    @Column(name = "gas_price")
    public Long gasPrice;

    @Column(name = "tx_hashes")
    public String txHashes;

    @Column(name = "tx_hash")
    public String txHash;

    @Column(name = "block_number")
    public Long blockNumber;

    @Embedded
    public Retries retries;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    public TokenContract.Entry target() {
        return new TokenContract.Entry(targetStatus, targetExpiresAt);
    }

    /** The hashes sent under the current nonce, oldest first. */
    public List<String> hashes() {
        return txHashes == null || txHashes.isEmpty() ? List.of() : Arrays.asList(txHashes.split(","));
    }

    public void addHash(String hash) {
        List<String> all = new ArrayList<>(hashes());
        all.add(hash);
        txHashes = String.join(",", all);
    }
}
