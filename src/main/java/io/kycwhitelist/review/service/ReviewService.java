package io.kycwhitelist.review.service;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.security.Actor;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationDocument;
import io.kycwhitelist.intake.ApplicationStatus;
import io.kycwhitelist.intake.ApplicationWallet;
import io.kycwhitelist.intake.DocumentKind;
import io.kycwhitelist.intake.api.ReasonView;
import io.kycwhitelist.intake.service.ApplicantPolicy;
import io.kycwhitelist.intake.service.SealedFields;
import io.kycwhitelist.intake.service.WalletClaims;
import io.kycwhitelist.policy.PolicyDecision;
import io.kycwhitelist.policy.PolicyInForce;
import io.kycwhitelist.policy.Reason;
import io.kycwhitelist.review.Decision;
import io.kycwhitelist.review.FourEyes;
import io.kycwhitelist.review.ReviewDecision;
import io.kycwhitelist.review.api.ApplicationReview;
import io.kycwhitelist.review.api.DecisionRequest;
import io.kycwhitelist.review.api.QueuePage;
import io.kycwhitelist.screening.service.SanctionsHit;
import io.kycwhitelist.screening.service.SanctionsScreening;
import io.kycwhitelist.screening.service.ScreeningService;
import io.kycwhitelist.whitelist.ChangeType;
import io.kycwhitelist.whitelist.OutboxEvent;
import io.kycwhitelist.whitelist.OutboxPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The review queue and reviewers' decisions. A decision takes a row lock on the application and
 * checks its version against the reviewer's If-Match, so of two reviewers deciding at once
 * exactly one wins; the other is told the application changed. A final approval writes one
 * outbox event per wallet in the same transaction; they are published right after the commit.
 */
@ApplicationScoped
public class ReviewService {

    public static final int MAX_PAGE = 100;
    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    private final AuditTrail audit;
    private final OutboxPublisher publisher;
    private final ScreeningService screening;
    private final MeterRegistry metrics;
    private final SealedFields sealed;
    private final WalletClaims claims;
    private final PolicyInForce policies;

    ReviewService(AuditTrail audit, OutboxPublisher publisher, ScreeningService screening, MeterRegistry metrics, SealedFields sealed,
                  WalletClaims claims, PolicyInForce policies) {
        this.policies = policies;
        this.sealed = sealed;
        this.claims = claims;
        this.metrics = metrics;
        this.audit = audit;
        this.publisher = publisher;
        this.screening = screening;
    }

    /** A decided application with the ETag of its new state. */
    public record Reviewed(ApplicationReview review, String etag) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public QueuePage queue(ApplicationStatus status, int limit, String cursor) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "limit must be 1 to " + MAX_PAGE + ".");
        }
        Position after = cursor == null ? null : Position.decode(cursor);
        List<Application> page = (after == null
                ? Application.<Application>find("status = ?1 order by createdAt, id", status)
                : Application.<Application>find("status = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) order by createdAt, id",
                        status, after.createdAt(), after.id()))
                .range(0, limit) // one more than asked for: it tells whether another page follows
                .list();
        boolean more = page.size() > limit;
        List<Application> shown = more ? page.subList(0, limit) : page;
        Application last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        return new QueuePage(shown.stream().map(ReviewService::item).toList(),
                more ? new Position(last.createdAt, last.id).encode() : null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Reviewed application(UUID id) {
        Application app = find(id, false);
        return new Reviewed(view(app), etag(app));
    }

    /** A document as uploaded, opened. */
    public record StoredDocument(String contentType, byte[] content) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredDocument document(UUID id, DocumentKind kind) {
        find(id, false);
        ApplicationDocument document = ApplicationDocument.<ApplicationDocument>find("applicationId = ?1 and kind = ?2", id, kind).firstResultOptional()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "This application has no " + kind.pathSegment() + " document."));
        return new StoredDocument(document.contentType, sealed.content(document));
    }

    /**
     * Records a reviewer's decision.
     *
     * @param ifMatch the ETag the reviewer saw; null answers 428
     */
    public Reviewed decide(UUID id, String ifMatch, DecisionRequest request, Actor reviewer) {
        Reviewed reviewed = QuarkusTransaction.requiringNew().call(() -> decideInTransaction(id, ifMatch, request, reviewer));
        metrics.counter("kyc.review.decisions", "decision", request.decision().name(), "result", reviewed.review().status().name()).increment();
        if (reviewed.review().status() == ApplicationStatus.APPROVED) {
            publisher.publishPending();
        }
        return reviewed;
    }

    /**
     * A reviewer sets a sanctions hit aside as a false positive, with a reason (audited). Like a
     * decision it applies only to the state the reviewer saw (If-Match).
     */
    @Transactional
    public Reviewed dismissHit(UUID id, UUID hitId, String ifMatch, String reason, Actor reviewer) {
        Application app = lockedAsSeen(id, ifMatch, "dismiss a hit");
        if (app.status.closed()) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "This application is " + app.status + "; its evidence is final.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        screening.dismiss(app.id, hitId, reason, reviewer.name(), app.policyVersion, now);
        app.updatedAt = now; // a new version: an approval must have seen the dismissal
        Application.getEntityManager().flush();
        LOG.infof("Application %s: a sanctions hit dismissed by a reviewer", app.id);
        return new Reviewed(view(app), etag(app));
    }

    /** The application, locked, if the caller saw its current version (If-Match). */
    private static Application lockedAsSeen(UUID id, String ifMatch, String what) {
        Application app = find(id, true);
        FourEyes.requireSeen(ifMatch, app.version, "application", what);
        return app;
    }

    private Reviewed decideInTransaction(UUID id, String ifMatch, DecisionRequest request, Actor reviewer) {
        Application app = lockedAsSeen(id, ifMatch, "decide");
        if (!app.status.awaitsDecision()) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "This application is " + app.status + "; it awaits no decision.");
        }
        if (request.decision() == Decision.APPROVE && SanctionsHit.of(app.id).stream().anyMatch(SanctionsHit::open)) {
            throw new ProblemException(ProblemType.SANCTIONS_HITS_OPEN,
                    "This application has possible sanctions matches that no reviewer has dismissed. Dismiss each false positive "
                            + "with a reason, or reject the application.");
        }
        if (request.decision() == Decision.APPROVE) {
            FourEyes.refuseRepeatedApproval(ReviewDecision.of(app.id), reviewer, "application");
        }
        // Decided under the policy in force now, which may be newer than the one that took the
        // application in: an applicant it restricts cannot be approved.
        PolicyDecision inForce = policies.current().evaluate(ApplicantPolicy.applicant(app,
                sealed.dateOfBirth(app), app.idDocumentType, app.idDocumentIssuingCountry), LocalDate.now(ZoneOffset.UTC));
        if (request.decision() == Decision.APPROVE && inForce.rejected()) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "The policy in force (" + inForce.policyVersion()
                    + ") restricts this applicant: " + inForce.reasons().stream().map(Reason::label).collect(Collectors.joining(", "))
                    + ". Reject the application.");
        }
        List<ApplicationWallet> held = app.wallets.stream().filter(w -> w.claimed).toList();
        if (request.decision() == Decision.APPROVE && held.isEmpty()) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                    "This application holds none of its wallets any more (each was released): there is nothing to whitelist. Reject it.");
        }
        String policyVersion = inForce.policyVersion();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        FourEyes.decision(app.id, null, reviewer, request.decision(), request.reason(), policyVersion, now).persist();
        if (request.decision() == Decision.REJECT) {
            app.status = ApplicationStatus.REJECTED;
            WalletClaims.releaseAll(app);
            audit.record(reviewer.name(), AuditAction.REJECTED, app.id, policyVersion, request.reason(), now);
        } else if (app.status == ApplicationStatus.PENDING_REVIEW && FourEyes.approvalsRequired(app.flags) > 1) {
            app.status = ApplicationStatus.PENDING_SECOND_APPROVAL;
            audit.record(reviewer.name(), AuditAction.FIRST_APPROVAL, app.id, policyVersion, request.reason(), now);
        } else {
            app.status = ApplicationStatus.APPROVED;
            audit.record(reviewer.name(), AuditAction.APPROVED, app.id, policyVersion, request.reason(), now);
            Instant expiresAt = app.idDocumentExpiry.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (ApplicationWallet wallet : held) {
                OutboxEvent event = OutboxEvent.of(ChangeType.WHITELIST_ACTIVATED, wallet.chain, wallet.address, app.id, expiresAt, null, now);
                event.ownershipProven = wallet.proven();
                event.persist();
            }
        }
        app.updatedAt = now;
        Application.getEntityManager().flush();
        LOG.infof("Application %s: %s by a reviewer, now %s", app.id, request.decision(), app.status);
        return new Reviewed(view(app), etag(app));
    }

    private static Application find(UUID id, boolean lock) {
        Application app = lock ? Application.findById(id, LockModeType.PESSIMISTIC_WRITE) : Application.findById(id);
        if (app == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No application with this id.");
        }
        return app;
    }

    static String etag(Application app) {
        return FourEyes.etag(app.version);
    }

    private static QueuePage.Item item(Application app) {
        boolean organization = app.organizationLegalName != null;
        return new QueuePage.Item(app.id, app.status, app.applicantType,
                organization ? app.organizationLegalName : app.fullLegalName,
                organization ? app.fullLegalName : null,
                app.countryOfResidence, List.copyOf(app.flags), app.createdAt);
    }

    private ApplicationReview view(Application app) {
        List<ApplicationReview.Document> documents = ApplicationDocument.<ApplicationDocument>find("applicationId = ?1 order by kind", app.id).stream()
                .map(d -> new ApplicationReview.Document(d.kind.pathSegment(), d.contentType, d.sizeBytes, d.sha256, d.uploadedAt))
                .toList();
        List<ApplicationReview.DecisionView> decisions = ReviewDecision.of(app.id).stream().map(ApplicationReview.DecisionView::of).toList();
        List<ApplicationWallet> taken = claims.taken(app);
        return new ApplicationReview(app.id, app.status, app.applicantType,
                new ApplicationReview.Person(app.fullLegalName, sealed.dateOfBirth(app), app.citizenships, app.countryOfResidence,
                        app.residenceSubdivision, app.taxResidences, app.usPermanentResident,
                        new ApplicationReview.IdDocument(app.idDocumentType, sealed.idDocumentNumber(app), app.idDocumentIssuingCountry, app.idDocumentExpiry)),
                app.organizationLegalName == null ? null : new ApplicationReview.Organization(app.organizationLegalName, app.registrationNumber,
                        app.countryOfIncorporation, app.principalPlaceOfBusiness),
                app.email, app.professionalInvestor,
                app.wallets.stream().map(w -> ApplicationReview.Wallet.of(w, taken.contains(w))).toList(),
                app.notUsPerson, app.termsVersion,
                app.reasons.stream().map(ReasonView::of).toList(), List.copyOf(app.flags), app.policyVersion,
                documents, FourEyes.approvalsRequired(app.flags), decisions, sanctions(app.id), app.erasedAt, app.createdAt, app.updatedAt);
    }

    /** The latest sanctions screening of an application (or of its renewal) with every hit recorded for it. */
    public static ApplicationReview.Sanctions sanctions(UUID applicationId) {
        return SanctionsScreening.latest(applicationId)
                .map(s -> new ApplicationReview.Sanctions(s.screenedAt, s.threshold, s.lists, SanctionsHit.of(applicationId).stream()
                        .map(h -> new ApplicationReview.Hit(h.id, h.subject, h.screenedValue, h.list, h.entryId, h.matchedName, h.score,
                                h.why, h.entry, h.dismissedBy, h.dismissalReason, h.dismissedAt))
                        .toList()))
                .orElse(null);
    }

    /** Where a page of the queue ends: opaque to clients. */
    record Position(Instant createdAt, UUID id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                return new Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "The cursor is not one this service gave out.");
            }
        }
    }
}
