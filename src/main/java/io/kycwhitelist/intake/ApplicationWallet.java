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
 * A wallet named by an application. Several open applications may name the same address; one
 * holds it ({@code claimed}) once its applicant proved control of it (or, where the policy makes
 * proofs optional, once the application is ready for review), and from then on no other may take
 * it: the database enforces one claim per address with a unique index. Only held wallets are
 * whitelisted when the application is approved. An administrator may release a claim, which keeps
 * the wallet out of its application for good ({@code releasedAt}).
 */
@Entity
@Table(name = "application_wallet")
public class ApplicationWallet extends PanacheEntityBase {

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

    /** When an administrator (or the erasure of the application) released the claim; null while it was not. */
    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "released_by")
    public String releasedBy;

    @Column(name = "release_reason")
    public String releaseReason;

    public boolean proven() {
        return provenAt != null;
    }

    public boolean released() {
        return releasedAt != null;
    }
}
