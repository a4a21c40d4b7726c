package io.kycwhitelist.review;

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
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A reviewer's decision on an application: who, what, why, under which policy version. */
@Entity
@Immutable
@Table(name = "review_decision")
public class ReviewDecision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    /** The reviewer's name as the token gave it (upn, preferred_username or sub), for people to read. */
    @Column(nullable = false)
    public String reviewer;

    /** The reviewer's stable identity (issuer and subject; see Actor): four eyes compares it. Null in decisions taken before it was kept. */
    @Column(name = "reviewer_subject")
    public String reviewerSubject;

    /** The renewal decided; null for a decision on the application itself. */
    @Column(name = "renewal_id")
    public UUID renewalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    public String reason;

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** The decisions on an application itself (not on its renewals), oldest first. */
    public static List<ReviewDecision> of(UUID applicationId) {
        return list("applicationId = ?1 and renewalId is null order by id", applicationId);
    }

    public static List<ReviewDecision> ofRenewal(UUID renewalId) {
        return list("renewalId = ?1 order by id", renewalId);
    }
}
