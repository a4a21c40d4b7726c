package io.kycwhitelist.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A wallet named by an application. While {@code claimed}, no other application may name the
 * same address: the database enforces it with a unique index over claimed addresses.
 */
@Entity
@Table(name = "application_wallet")
public class ApplicationWallet extends PanacheEntityBase {

    /** Name of the unique index that keeps one open claim per address. */
    public static final String CLAIM_INDEX = "application_wallet_claimed_address";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id")
    public Application application;

    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Chain chain;

    /** EIP-55 checksummed form. */
    @Column(nullable = false)
    public String address;

    /** Lower-case form, for comparisons. */
    @Column(name = "address_key", nullable = false)
    public String addressKey;

    @Column(nullable = false)
    public boolean claimed;

    /** When the applicant proved control of the wallet; null until then. */
    @Column(name = "proven_at")
    public Instant provenAt;

    /** The message whose signature proved it. */
    @Column(name = "proof_message")
    public String proofMessage;

    @Column(name = "proof_signature")
    public String proofSignature;

    public boolean proven() {
        return provenAt != null;
    }
}
