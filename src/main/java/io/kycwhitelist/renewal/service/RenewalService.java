package io.kycwhitelist.renewal.service;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.Hashes;
import io.kycwhitelist.common.crypto.Sealing;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationStatus;
import io.kycwhitelist.intake.ApplicationWallet;
import io.kycwhitelist.intake.api.IdDocumentRequest;
import io.kycwhitelist.intake.service.IntakeService;
import io.kycwhitelist.policy.DocumentType;
import io.kycwhitelist.policy.PolicyDecision;
import io.kycwhitelist.policy.PolicyInForce;
import io.kycwhitelist.policy.Reason;
import io.kycwhitelist.renewal.Renewal;
import io.kycwhitelist.renewal.api.RenewalReview;
import io.kycwhitelist.renewal.api.RenewalView;
import io.kycwhitelist.review.Decision;
import io.kycwhitelist.review.api.DecisionRequest;
import io.kycwhitelist.review.service.ReviewService.StoredDocument;
import io.kycwhitelist.screening.service.SanctionsHit;
import io.kycwhitelist.screening.service.ScreeningService;
import io.kycwhitelist.whitelist.ChangeType;
import io.kycwhitelist.whitelist.OutboxEvent;
import io.kycwhitelist.whitelist.OutboxPublisher;
import io.kycwhitelist.whitelist.WhitelistEntry;
import io.kycwhitelist.whitelist.WhitelistStatus;
import io.kycwhitelist.whitelist.api.WhitelistEntryView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Renewals of approved applications: the holder gives a new identity document through the status
 * link (its details, then its copy); the policy in force decides it as at intake (a document of a
 * restricted country is refused at once); a reviewer approves it, and the application's ACTIVE
 * and EXPIRED entries are published ACTIVE until the new document's expiry. Revoked and suspended
 * entries are not renewed: they need an admin.
 */
@ApplicationScoped
public class RenewalService {

    private static final Logger LOG = Logger.getLogger(RenewalService.class);

    private final IntakeService intake;
    private final PolicyInForce policies;
    private final Sealing sealing;
    private final AuditTrail audit;
    private final OutboxPublisher publisher;
    private final ScreeningService screening;

    RenewalService(IntakeService intake, PolicyInForce policies, Sealing sealing, AuditTrail audit, OutboxPublisher publisher,
                   ScreeningService screening) {
        this.screening = screening;
        this.intake = intake;
        this.policies = policies;
        this.sealing = sealing;
        this.audit = audit;
        this.publisher = publisher;
    }

    /** Starts a renewal, or replaces the details of one still waiting for its document. Call with a valid request. */
    @Transactional
    public RenewalView request(UUID applicationId, String statusToken, IdDocumentRequest document) {
        Application app = intake.authorized(applicationId, statusToken, true);
        if (app.status != ApplicationStatus.APPROVED || app.erasedAt != null) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                    "Only an approved application can be renewed; this one is " + app.status + ".");
        }
        if (renewable(app).isEmpty()) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                    "No wallet of this application is whitelisted or expired: a revoked or suspended wallet cannot be renewed. Contact support.");
        }
        Renewal renewal = open(app.id).orElse(null);
        if (renewal != null && renewal.status == Renewal.Status.PENDING_REVIEW) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "A renewal of this application is in review already.");
        }
        LocalDate expiry = LocalDate.parse(document.expiryDate());
        if (!expiry.isAfter(app.idDocumentExpiry)) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                    "The new document must expire after the one on file (" + app.idDocumentExpiry + ").");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (renewal == null) {
            renewal = new Renewal();
            renewal.id = UUID.randomUUID();
            renewal.applicationId = app.id;
            renewal.requestedAt = now;
        }
        renewal.idDocumentType = document.type();
        renewal.idDocumentNumberSealed = sealing.sealText(document.number().toUpperCase(Locale.ROOT));
        renewal.idDocumentIssuingCountry = document.issuingCountry().toUpperCase(Locale.ROOT);
        renewal.idDocumentExpiry = expiry;
        PolicyDecision decision = decide(app, renewal);
        renewal.policyVersion = decision.policyVersion();
        renewal.reasons = new ArrayList<>(decision.reasons());
        renewal.status = decision.rejected() ? Renewal.Status.REJECTED : Renewal.Status.PENDING_DOCUMENT;
        if (decision.rejected()) {
            renewal.decidedBy = AuditTrail.SYSTEM;
            renewal.decidedAt = now;
        }
        renewal.persist();
        audit.record(AuditTrail.APPLICANT, AuditAction.RENEWAL_REQUESTED, app.id, decision.policyVersion(),
                "renewal " + renewal.id + ": " + renewal.idDocumentType + " issued by " + renewal.idDocumentIssuingCountry + ", expires " + expiry, now);
        if (decision.rejected()) {
            audit.record(AuditTrail.SYSTEM, AuditAction.RENEWAL_REJECTED, app.id, decision.policyVersion(),
                    "renewal " + renewal.id + ": " + decision.reasons().stream().map(Reason::label).collect(Collectors.joining(",")), now);
        }
        LOG.infof("Application %s: renewal %s %s", app.id, renewal.id, renewal.status);
        return RenewalView.of(renewal);
    }

    /** Takes the copy of the new document; the renewal goes to review. */
    @Transactional
    public RenewalView upload(UUID applicationId, String statusToken, String mediaType, byte[] content) {
        Application app = intake.authorized(applicationId, statusToken, true);
        Renewal renewal = open(app.id)
                .orElseThrow(() -> new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                        "No renewal waits for a document: give the new document's details first."));
        if (renewal.status != Renewal.Status.PENDING_DOCUMENT) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "This renewal is in review; its document can no longer be changed.");
        }
        String type = IntakeService.checkedDocument(mediaType, content);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        renewal.contentType = type;
        renewal.content = sealing.seal(content);
        renewal.sizeBytes = content.length;
        renewal.sha256 = Hashes.sha256Hex(content);
        renewal.documentAt = now;
        renewal.status = Renewal.Status.PENDING_REVIEW;
        audit.record(AuditTrail.APPLICANT, AuditAction.DOCUMENT_UPLOADED, app.id, renewal.policyVersion,
                "renewal " + renewal.id + " identity " + type + " " + content.length + " bytes sha256=" + renewal.sha256, now);
        return RenewalView.of(renewal);
    }

    /** The latest renewal of the application, for its holder. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RenewalView latest(UUID applicationId, String statusToken) {
        Application app = intake.authorized(applicationId, statusToken, false);
        return Renewal.<Renewal>find("applicationId = ?1 order by requestedAt desc", app.id).firstResultOptional()
                .map(RenewalView::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "This application has no renewal."));
    }

    /** Renewals waiting for a reviewer, oldest first (at most 100). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RenewalReview> queue() {
        return Renewal.<Renewal>find("status = ?1 order by requestedAt", Renewal.Status.PENDING_REVIEW).range(0, 99).list().stream()
                .map(this::review)
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RenewalReview view(UUID renewalId) {
        return review(find(renewalId, false));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredDocument document(UUID renewalId) {
        Renewal renewal = find(renewalId, false);
        if (renewal.content == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "This renewal has no document yet.");
        }
        return new StoredDocument(renewal.contentType, sealing.open(renewal.content));
    }

    /**
     * A reviewer's decision. An approval is decided again under the policy in force (it may have
     * changed since the request) and publishes the renewed entries.
     */
    public RenewalReview decide(UUID renewalId, DecisionRequest request, String reviewer) {
        RenewalReview decided = QuarkusTransaction.requiringNew().call(() -> {
            Renewal renewal = find(renewalId, true);
            if (renewal.status != Renewal.Status.PENDING_REVIEW) {
                throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "This renewal awaits no decision; it is " + renewal.status + ".");
            }
            Application app = Application.findById(renewal.applicationId, LockModeType.PESSIMISTIC_WRITE);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            String policyVersion = policies.current().version();
            renewal.decidedBy = reviewer;
            renewal.decidedAt = now;
            renewal.decisionReason = request.reason();
            if (request.decision() == Decision.REJECT) {
                renewal.status = Renewal.Status.REJECTED;
                audit.record(reviewer, AuditAction.RENEWAL_REJECTED, app.id, policyVersion, "renewal " + renewal.id + ": " + request.reason(), now);
                return review(renewal);
            }
            ScreeningService.Screened screened = screen(app);
            PolicyDecision decision = IntakeService.withScreening(decide(app, renewal), screened);
            if (decision.rejected()) {
                throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "The policy in force (" + decision.policyVersion()
                        + ") refuses this applicant now: " + decision.reasons().stream().map(Reason::label).collect(Collectors.joining(", "))
                        + ". Reject the renewal.");
            }
            List<String> unreviewed = unreviewedMatches(app, screened);
            if (!unreviewed.isEmpty()) {
                throw new ProblemException(ProblemType.SANCTIONS_HITS_OPEN, "The sanctions lists in force hold possible matches of this applicant "
                        + "that no reviewer has looked at (" + String.join(", ", unreviewed) + "). The renewal cannot be approved: reject it, "
                        + "and have the entries suspended if a match is confirmed.");
            }
            List<WhitelistEntry> renewed = renewable(app);
            if (renewed.isEmpty()) {
                throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                        "No wallet of this application is whitelisted or expired any more (revoked or suspended meanwhile). Reject the renewal.");
            }
            renewal.status = Renewal.Status.APPROVED;
            app.idDocumentType = renewal.idDocumentType;
            app.idDocumentNumberSealed = renewal.idDocumentNumberSealed;
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
            audit.record(reviewer, AuditAction.RENEWAL_APPROVED, app.id, policyVersion, "renewal " + renewal.id + ": " + renewed.size()
                    + " wallet(s) whitelisted until " + expiresAt + (request.reason() == null ? "" : "; " + request.reason()), now);
            return review(renewal);
        });
        if (decided.status() == Renewal.Status.APPROVED) {
            publisher.publishPending();
        }
        return decided;
    }

    /** The application's entries a renewal renews: ACTIVE or EXPIRED, with no other change on its way. */
    private static List<WhitelistEntry> renewable(Application app) {
        List<WhitelistEntry> entries = new ArrayList<>();
        for (ApplicationWallet wallet : app.wallets) {
            WhitelistEntry entry = WhitelistEntry.findById(wallet.addressKey);
            if (entry != null && entry.applicationId.equals(app.id)
                    && (entry.status == WhitelistStatus.ACTIVE || entry.status == WhitelistStatus.EXPIRED)
                    && OutboxEvent.count("publishedAt is null and lower(address) = ?1 and type <> ?2", wallet.addressKey, ChangeType.WHITELIST_ACTIVATED) == 0) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The applicant's names and whitelisted wallets against the sanctions lists in force (the names of an erased application are hashes: not screened). */
    private ScreeningService.Screened screen(Application app) {
        boolean erased = app.erasedAt != null;
        return screening.screen(new ScreeningService.Subjects(erased ? null : app.fullLegalName,
                app.dateOfBirthSealed == null ? null : sealing.openDate(app.dateOfBirthSealed), erased ? null : app.organizationLegalName,
                app.wallets.stream().map(w -> w.address).toList()));
    }

    /** Possible name matches on list entries never recorded for the application (recorded ones were decided by reviewers), as "LIST entry ID". */
    private static List<String> unreviewedMatches(Application app, ScreeningService.Screened screened) {
        Set<String> known = SanctionsHit.of(app.id).stream().map(h -> h.list + " entry " + h.entryId).collect(Collectors.toSet());
        return screened.hits().stream().filter(h -> h.subject() != SanctionsHit.Subject.WALLET)
                .map(h -> h.list() + " entry " + h.entryId()).filter(h -> !known.contains(h)).distinct().toList();
    }

    /** The policy in force on the applicant with the renewal's document. */
    private PolicyDecision decide(Application app, Renewal renewal) {
        return policies.current().evaluate(IntakeService.applicant(app, app.dateOfBirthSealed == null ? null : sealing.openDate(app.dateOfBirthSealed),
                renewal.idDocumentType, renewal.idDocumentIssuingCountry), LocalDate.now(ZoneOffset.UTC));
    }

    private static Optional<Renewal> open(UUID applicationId) {
        return Renewal.<Renewal>find("applicationId = ?1 and status in ?2", applicationId,
                List.of(Renewal.Status.PENDING_DOCUMENT, Renewal.Status.PENDING_REVIEW)).firstResultOptional();
    }

    private static Renewal find(UUID renewalId, boolean lock) {
        Renewal renewal = lock ? Renewal.findById(renewalId, LockModeType.PESSIMISTIC_WRITE) : Renewal.findById(renewalId);
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
        return new RenewalReview(r.id, r.applicationId, r.status, app.fullLegalName,
                document(app.idDocumentType, app.idDocumentNumberSealed, app.idDocumentIssuingCountry, app.idDocumentExpiry),
                document(r.idDocumentType, r.idDocumentNumberSealed, r.idDocumentIssuingCountry, r.idDocumentExpiry),
                entries, r.requestedAt, r.documentAt, r.decidedBy, r.decisionReason, r.decidedAt);
    }

    private RenewalReview.Document document(DocumentType type, byte[] sealedNumber, String country, LocalDate expiry) {
        return new RenewalReview.Document(type, sealedNumber == null ? null : sealing.openText(sealedNumber), country, expiry);
    }
}
