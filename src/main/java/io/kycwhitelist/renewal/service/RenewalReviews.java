package io.kycwhitelist.renewal.service;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.crypto.SealedColumn;
import io.kycwhitelist.common.crypto.Sealing;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.security.Actor;
import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.DocumentKind;
import io.kycwhitelist.intake.service.ApplicantPolicy;
import io.kycwhitelist.intake.service.SealedFields;
import io.kycwhitelist.policy.PolicyDecision;
import io.kycwhitelist.policy.Reason;
import io.kycwhitelist.renewal.Renewal;
import io.kycwhitelist.renewal.RenewalDocument;
import io.kycwhitelist.renewal.api.RenewalReview;
import io.kycwhitelist.review.Decision;
import io.kycwhitelist.review.FourEyes;
import io.kycwhitelist.review.ReviewDecision;
import io.kycwhitelist.review.api.ApplicationReview;
import io.kycwhitelist.review.api.DecisionRequest;
import io.kycwhitelist.review.service.ReviewService;
import io.kycwhitelist.review.service.ReviewService.StoredDocument;
import io.kycwhitelist.screening.service.SanctionsHit;
import io.kycwhitelist.screening.service.ScreeningService;
import io.kycwhitelist.whitelist.ChangeType;
import io.kycwhitelist.whitelist.OutboxEvent;
import io.kycwhitelist.whitelist.OutboxPublisher;
import io.kycwhitelist.whitelist.WhitelistEntry;
import io.kycwhitelist.whitelist.api.WhitelistEntryView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The reviewers' side of renewals, under the same rules as applications: the flags are shown, a
 * flagged renewal needs two approvals by different people, a decision applies only to the state
 * the reviewer saw (If-Match), and possible sanctions matches are dismissed with a reason or the
 * renewal is rejected. An approval is decided again under the policy and the sanctions lists in
 * force, and publishes the application's ACTIVE and EXPIRED entries ACTIVE until the new document's
 * expiry, with the entries locked as a revocation locks them.
 */
@ApplicationScoped
public class RenewalReviews {

    private static final Logger LOG = Logger.getLogger(RenewalReviews.class);

    private final RenewalChecks checks;
    private final Sealing sealing;
    private final SealedFields sealed;
    private final ScreeningService screening;
    private final AuditTrail audit;
    private final OutboxPublisher publisher;

    RenewalReviews(RenewalChecks checks, Sealing sealing, SealedFields sealed, ScreeningService screening, AuditTrail audit,
                   OutboxPublisher publisher) {
        this.checks = checks;
        this.sealing = sealing;
        this.sealed = sealed;
        this.screening = screening;
        this.audit = audit;
        this.publisher = publisher;
    }

    /** A renewal as a reviewer sees it, with the ETag of its state. */
    public record Reviewed(RenewalReview review, String etag) {}

    /** Renewals waiting for a reviewer, oldest first (at most 100). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RenewalReview> queue() {
        return Renewal.<Renewal>find("status in ?1 order by requestedAt", List.of(Renewal.Status.PENDING_REVIEW, Renewal.Status.PENDING_SECOND_APPROVAL))
                .range(0, 99).list().stream()
                .map(this::review)
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Reviewed view(UUID renewalId) {
        Renewal renewal = find(renewalId);
        return new Reviewed(review(renewal), FourEyes.etag(renewal.version));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredDocument document(UUID renewalId, DocumentKind kind) {
        Renewal renewal = find(renewalId);
        RenewalDocument document = RenewalDocument.<RenewalDocument>find("renewalId = ?1 and kind = ?2", renewal.id, kind).firstResultOptional()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "This renewal has no " + kind.pathSegment() + " document."));
        return new StoredDocument(document.contentType,
                sealing.open(SealedColumn.RENEWAL_DOCUMENT, SealedColumn.documentRow(renewal.id, kind), document.content));
    }

    /** A reviewer's decision on the renewal as they saw it ({@code ifMatch}). */
    public Reviewed decide(UUID renewalId, String ifMatch, DecisionRequest request, Actor reviewer) {
        Reviewed decided = QuarkusTransaction.requiringNew().call(() -> decideInTransaction(renewalId, ifMatch, request, reviewer));
        if (decided.review().status() == Renewal.Status.APPROVED) {
            publisher.publishPending();
        }
        return decided;
    }

    /** A reviewer sets a possible sanctions match of the renewal's applicant aside as a false positive, with a reason (audited). */
    @Transactional
    public Reviewed dismissHit(UUID renewalId, UUID hitId, String ifMatch, String reason, Actor reviewer) {
        Renewal renewal = lockedAsSeen(renewalId, ifMatch, "dismiss a hit");
        if (!renewal.status.awaitsDecision()) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "This renewal is " + renewal.status + "; its evidence is final.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        screening.dismiss(renewal.applicationId, hitId, reason, reviewer.name(), renewal.policyVersion, now);
        renewal.updatedAt = now; // a new version: an approval must have seen the dismissal
        Renewal.getEntityManager().flush();
        return new Reviewed(review(renewal), FourEyes.etag(renewal.version));
    }

    private Reviewed decideInTransaction(UUID renewalId, String ifMatch, DecisionRequest request, Actor reviewer) {
        Renewal renewal = lockedAsSeen(renewalId, ifMatch, "decide");
        if (!renewal.status.awaitsDecision()) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "This renewal awaits no decision; it is " + renewal.status + ".");
        }
        Application app = Application.findById(renewal.applicationId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (request.decision() == Decision.REJECT) {
            String policyVersion = checks.policy(app, renewal).policyVersion();
            FourEyes.decision(app.id, renewal.id, reviewer, Decision.REJECT, request.reason(), policyVersion, now).persist();
            renewal.close(Renewal.Status.REJECTED, reviewer.name(), request.reason(), now);
            audit.record(reviewer.name(), AuditAction.RENEWAL_REJECTED, app.id, policyVersion, "renewal " + renewal.id + ": " + request.reason(), now);
            return view(renewal);
        }
        FourEyes.refuseRepeatedApproval(ReviewDecision.ofRenewal(renewal.id), reviewer, "renewal");
        PolicyDecision policy = checks.policy(app, renewal);
        String policyVersion = policy.policyVersion();
        refuseUnapprovable(app, renewal, policy);
        renewal.flags = new ArrayList<>(RenewalChecks.flags(app, policy, renewal.flags));
        if (!RenewalService.lacking(renewal).isEmpty()) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "The policy in force needs documents this renewal lacks ("
                    + renewal.requiredDocuments().stream().map(DocumentKind::pathSegment).collect(Collectors.joining(", ")) + "). Reject it.");
        }
        FourEyes.decision(app.id, renewal.id, reviewer, Decision.APPROVE, request.reason(), policyVersion, now).persist();
        renewal.updatedAt = now;
        if (renewal.status == Renewal.Status.PENDING_REVIEW && FourEyes.approvalsRequired(renewal.flags) > 1) {
            renewal.status = Renewal.Status.PENDING_SECOND_APPROVAL;
            audit.record(reviewer.name(), AuditAction.RENEWAL_FIRST_APPROVAL, app.id, policyVersion,
                    "renewal " + renewal.id + " flags=" + renewal.flags + (request.reason() == null ? "" : ": " + request.reason()), now);
            return view(renewal);
        }
        List<WhitelistEntry> renewed = RenewalChecks.renewable(app, true);
        if (renewed.isEmpty()) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                    "No wallet of this application is whitelisted or expired any more (revoked or suspended meanwhile). Reject the renewal.");
        }
        renewal.close(Renewal.Status.APPROVED, reviewer.name(), request.reason(), now);
        app.idDocumentType = renewal.idDocumentType;
        sealed.sealIdDocumentNumber(app, sealing.openText(SealedColumn.RENEWAL_ID_DOCUMENT_NUMBER, renewal.id, renewal.idDocumentNumberSealed));
        app.idDocumentIssuingCountry = renewal.idDocumentIssuingCountry;
        app.idDocumentExpiry = renewal.idDocumentExpiry;
        app.updatedAt = now;
        Instant expiresAt = renewal.idDocumentExpiry.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (WhitelistEntry entry : renewed) {
            OutboxEvent event = OutboxEvent.of(ChangeType.WHITELIST_ACTIVATED, entry.chain, entry.address, app.id, expiresAt,
                    "renewed with a new identity document", now);
            event.ownershipProven = entry.ownershipProven;
            event.persist();
        }
        audit.record(reviewer.name(), AuditAction.RENEWAL_APPROVED, app.id, policyVersion, "renewal " + renewal.id + ": " + renewed.size()
                + " wallet(s) whitelisted until " + expiresAt + (request.reason() == null ? "" : "; " + request.reason()), now);
        LOG.infof("Application %s: renewal %s approved", app.id, renewal.id);
        return view(renewal);
    }

    /** Refuses an approval the policy or the sanctions lists in force forbid. */
    private void refuseUnapprovable(Application app, Renewal renewal, PolicyDecision policy) {
        ScreeningService.Screened screened = checks.screen(app);
        PolicyDecision decision = ApplicantPolicy.withScreening(policy, screened);
        if (decision.rejected()) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "The policy in force (" + decision.policyVersion()
                    + ") refuses this applicant now: " + decision.reasons().stream().map(Reason::label).collect(Collectors.joining(", "))
                    + ". Reject the renewal.");
        }
        if (SanctionsHit.openNameMatch(app.id)) {
            throw new ProblemException(ProblemType.SANCTIONS_HITS_OPEN, "The applicant has possible sanctions matches that no reviewer has "
                    + "dismissed. Dismiss each false positive with a reason, or reject the renewal.");
        }
        List<String> unrecorded = screened.unrecordedNameMatches(app.id).stream().map(h -> h.list() + " entry " + h.entryId()).distinct().toList();
        if (!unrecorded.isEmpty()) {
            throw new ProblemException(ProblemType.SANCTIONS_HITS_OPEN, "The sanctions lists in force hold possible matches of this applicant "
                    + "that no reviewer has looked at (" + String.join(", ", unrecorded) + "). The renewal cannot be approved: reject it, "
                    + "and have the entries suspended if a match is confirmed.");
        }
    }

    private Reviewed view(Renewal renewal) {
        Renewal.getEntityManager().flush();
        return new Reviewed(review(renewal), FourEyes.etag(renewal.version));
    }

    /**
     * The renewal, locked, if the caller saw its current version (If-Match). Its application is
     * locked first, as the holder's calls and erasure lock it before the renewal: never the other way round.
     */
    private static Renewal lockedAsSeen(UUID renewalId, String ifMatch, String action) {
        Renewal renewal = find(renewalId);
        Application.findById(renewal.applicationId, LockModeType.PESSIMISTIC_WRITE);
        Renewal.getEntityManager().refresh(renewal, LockModeType.PESSIMISTIC_WRITE);
        FourEyes.requireSeen(ifMatch, renewal.version, "renewal", action);
        return renewal;
    }

    private static Renewal find(UUID renewalId) {
        Renewal renewal = Renewal.findById(renewalId);
        if (renewal == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No renewal with this id.");
        }
        return renewal;
    }

    private RenewalReview review(Renewal r) {
        Application app = Application.findById(r.applicationId);
        Instant now = Instant.now();
        List<WhitelistEntryView> entries = app.wallets.stream()
                .map(w -> WhitelistEntry.<WhitelistEntry>findById(w.addressKey))
                .filter(e -> e != null && e.applicationId.equals(app.id))
                .map(e -> WhitelistEntryView.of(e, now))
                .toList();
        List<ApplicationReview.Document> documents = RenewalDocument.of(r.id).stream()
                .map(d -> new ApplicationReview.Document(d.kind.pathSegment(), d.contentType, d.sizeBytes, d.sha256, d.uploadedAt))
                .toList();
        return new RenewalReview(r.id, r.applicationId, r.status, app.fullLegalName,
                new RenewalReview.Document(app.idDocumentType, sealed.idDocumentNumber(app), app.idDocumentIssuingCountry, app.idDocumentExpiry),
                new RenewalReview.Document(r.idDocumentType, sealing.openText(SealedColumn.RENEWAL_ID_DOCUMENT_NUMBER, r.id, r.idDocumentNumberSealed),
                        r.idDocumentIssuingCountry, r.idDocumentExpiry),
                List.copyOf(r.flags), FourEyes.approvalsRequired(r.flags), documents,
                ReviewDecision.ofRenewal(r.id).stream().map(ApplicationReview.DecisionView::of).toList(),
                ReviewService.sanctions(app.id), entries, r.requestedAt, r.documentAt, r.decidedBy, r.decisionReason, r.decidedAt, r.updatedAt);
    }
}
