package io.kycwhitelist.renewal.service;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.Hashes;
import io.kycwhitelist.common.crypto.SealedColumn;
import io.kycwhitelist.common.crypto.Sealing;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationStatus;
import io.kycwhitelist.intake.DocumentKind;
import io.kycwhitelist.intake.UploadedDocument;
import io.kycwhitelist.intake.api.IdDocumentRequest;
import io.kycwhitelist.intake.service.ApplicantPolicy;
import io.kycwhitelist.intake.service.ApplicationAccess;
import io.kycwhitelist.intake.service.DocumentUploads;
import io.kycwhitelist.policy.PolicyDecision;
import io.kycwhitelist.policy.Reason;
import io.kycwhitelist.renewal.Renewal;
import io.kycwhitelist.renewal.RenewalDocument;
import io.kycwhitelist.renewal.api.RenewalView;
import io.kycwhitelist.screening.service.ScreeningService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The holder's side of a renewal, through the status link: the new identity document's details,
 * decided at once against the policy and the sanctions lists in force (a document of a restricted
 * country, or a listed wallet, is refused), then its copy (and, where the Hong Kong Professional
 * Investor exception is used, fresh evidence); then it goes to review. What reviewers see of it
 * (flags, possible matches) the holder does not.
 */
@ApplicationScoped
public class RenewalService {

    private static final Logger LOG = Logger.getLogger(RenewalService.class);

    private final ApplicationAccess access;
    private final RenewalChecks checks;
    private final Sealing sealing;
    private final AuditTrail audit;

    RenewalService(ApplicationAccess access, RenewalChecks checks, Sealing sealing, AuditTrail audit) {
        this.access = access;
        this.checks = checks;
        this.sealing = sealing;
        this.audit = audit;
    }

    /** Starts a renewal, or replaces the details (and drops the copies) of one still waiting for its documents. Call with a valid request. */
    @Transactional
    public RenewalView request(UUID applicationId, String statusToken, IdDocumentRequest document) {
        Application app = access.authorized(applicationId, statusToken, true);
        if (app.status != ApplicationStatus.APPROVED || app.erasedAt != null) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "Only an approved application can be renewed.");
        }
        if (RenewalChecks.renewable(app, false).isEmpty()) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                    "No wallet of this application is whitelisted or expired: a revoked or suspended wallet cannot be renewed. Contact support.");
        }
        Renewal renewal = open(app.id).orElse(null);
        if (renewal != null && renewal.status.awaitsDecision()) {
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
        } else {
            RenewalDocument.delete("renewalId", renewal.id); // copies of the details being replaced
        }
        renewal.idDocumentType = document.type();
        renewal.idDocumentNumberSealed = sealing.sealText(SealedColumn.RENEWAL_ID_DOCUMENT_NUMBER, renewal.id, document.number().toUpperCase(Locale.ROOT));
        renewal.idDocumentIssuingCountry = document.issuingCountry().toUpperCase(Locale.ROOT);
        renewal.idDocumentExpiry = expiry;
        PolicyDecision policy = checks.policy(app, renewal);
        ScreeningService.Screened screened = checks.screen(app);
        PolicyDecision decision = ApplicantPolicy.withScreening(policy, screened);
        checks.recordNew(app, decision.policyVersion(), screened, now);
        renewal.policyVersion = decision.policyVersion();
        renewal.reasons = new ArrayList<>(decision.reasons());
        renewal.flags = new ArrayList<>(RenewalChecks.flags(app, policy, List.of()));
        renewal.status = decision.rejected() ? Renewal.Status.REJECTED : Renewal.Status.PENDING_DOCUMENT;
        if (decision.rejected()) {
            renewal.decidedBy = AuditTrail.SYSTEM;
            renewal.decidedAt = now;
        }
        renewal.updatedAt = now;
        renewal.persist();
        audit.record(AuditTrail.APPLICANT, AuditAction.RENEWAL_REQUESTED, app.id, decision.policyVersion(),
                "renewal " + renewal.id + ": " + renewal.idDocumentType + " issued by " + renewal.idDocumentIssuingCountry + ", expires " + expiry
                        + (renewal.flags.isEmpty() ? "" : " flags=" + renewal.flags), now);
        if (decision.rejected()) {
            audit.record(AuditTrail.SYSTEM, AuditAction.RENEWAL_REJECTED, app.id, decision.policyVersion(),
                    "renewal " + renewal.id + ": " + decision.reasons().stream().map(Reason::label).collect(Collectors.joining(",")), now);
        }
        LOG.infof("Application %s: renewal %s %s", app.id, renewal.id, renewal.status);
        return RenewalView.of(renewal, missingDocuments(renewal));
    }

    /** Takes a copy of a document of the renewal; with every required one in, the renewal goes to review. */
    @Transactional
    public RenewalView upload(UUID applicationId, String statusToken, DocumentKind kind, String mediaType, byte[] content) {
        Application app = access.authorized(applicationId, statusToken, true);
        Renewal renewal = open(app.id)
                .orElseThrow(() -> new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                        "No renewal waits for a document: give the new document's details first."));
        if (renewal.status != Renewal.Status.PENDING_DOCUMENT) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "This renewal is in review; its documents can no longer be changed.");
        }
        if (!renewal.requiredDocuments().contains(kind)) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "This renewal does not need a " + kind.pathSegment() + " document.");
        }
        String type = DocumentUploads.checkedDocument(mediaType, content);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        RenewalDocument stored = RenewalDocument.<RenewalDocument>find("renewalId = ?1 and kind = ?2", renewal.id, kind).firstResultOptional()
                .orElseGet(RenewalDocument::new);
        stored.renewalId = renewal.id;
        stored.kind = kind;
        stored.contentType = type;
        stored.content = sealing.seal(SealedColumn.RENEWAL_DOCUMENT, SealedColumn.documentRow(renewal.id, kind), content);
        stored.sizeBytes = content.length;
        stored.sha256 = Hashes.sha256Hex(content);
        stored.uploadedAt = now;
        stored.persist();
        audit.record(AuditTrail.APPLICANT, AuditAction.DOCUMENT_UPLOADED, app.id, renewal.policyVersion,
                "renewal " + renewal.id + " " + kind.pathSegment() + " " + type + " " + content.length + " bytes sha256=" + stored.sha256, now);
        List<DocumentKind> missing = missingDocuments(renewal);
        if (missing.isEmpty()) {
            renewal.status = Renewal.Status.PENDING_REVIEW;
            renewal.documentAt = now;
        }
        renewal.updatedAt = now;
        return RenewalView.of(renewal, missing);
    }

    /** The latest renewal of the application, for its holder. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RenewalView latest(UUID applicationId, String statusToken) {
        Application app = access.authorized(applicationId, statusToken, false);
        Renewal renewal = Renewal.<Renewal>find("applicationId = ?1 order by requestedAt desc", app.id).firstResultOptional()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "This application has no renewal."));
        return RenewalView.of(renewal, missingDocuments(renewal));
    }

    /** The documents still to upload, while the renewal waits for them. */
    static List<DocumentKind> missingDocuments(Renewal renewal) {
        return renewal.status == Renewal.Status.PENDING_DOCUMENT ? lacking(renewal) : List.of();
    }

    /** The documents its flags require that the renewal does not have. */
    static List<DocumentKind> lacking(Renewal renewal) {
        return UploadedDocument.missing(renewal.requiredDocuments(), RenewalDocument.of(renewal.id));
    }

    /** The open renewal of the application, locked (call with the application locked). */
    private static Optional<Renewal> open(UUID applicationId) {
        return Renewal.<Renewal>find("applicationId = ?1 and status in ?2", applicationId,
                        List.of(Renewal.Status.PENDING_DOCUMENT, Renewal.Status.PENDING_REVIEW, Renewal.Status.PENDING_SECOND_APPROVAL))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
