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

    /** The token subject of the reviewer. */
    @Column(nullable = false)
    public String reviewer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    public String reason;

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    public static List<ReviewDecision> of(UUID applicationId) {
        return list("applicationId = ?1 order by id", applicationId);
    }
}
