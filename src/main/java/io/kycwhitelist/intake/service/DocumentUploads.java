package io.kycwhitelist.intake.service;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.RequestLimits;
import io.kycwhitelist.common.Hashes;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationDocument;
import io.kycwhitelist.intake.ApplicationStatus;
import io.kycwhitelist.intake.DocumentKind;
import io.kycwhitelist.intake.DocumentSniffer;
import io.kycwhitelist.intake.api.DocumentReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The applicant's documents: checked, sealed and stored; the application moves to review once it is complete. */
@ApplicationScoped
public class DocumentUploads {

    private static final Logger LOG = Logger.getLogger(DocumentUploads.class);

    private final ApplicationAccess access;
    private final SealedFields sealed;
    private final Readiness readiness;
    private final ApplicantView view;
    private final AuditTrail audit;

    DocumentUploads(ApplicationAccess access, SealedFields sealed, Readiness readiness, ApplicantView view, AuditTrail audit) {
        this.access = access;
        this.sealed = sealed;
        this.readiness = readiness;
        this.view = view;
        this.audit = audit;
    }

    /** Stores a document; the application moves to review once every required document is in. */
    @Transactional
    public DocumentReceipt upload(UUID id, String statusToken, DocumentKind kind, String mediaType, byte[] content) {
        Application app = access.authorized(id, statusToken, true);
        if (app.status != ApplicationStatus.PENDING_DOCUMENT) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, switch (app.status) {
                case REJECTED -> "This application was rejected; it takes no documents.";
                case EXPIRED -> "This application expired: it was not completed in time. Apply again.";
                case APPROVED -> "This application is approved; its documents can no longer be changed.";
                default -> "This application is in review; its documents can no longer be changed.";
            });
        }
        if (!app.requiredDocuments().contains(kind)) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                    "This application does not need a " + kind.pathSegment() + " document.");
        }
        String type = checkedDocument(mediaType, content);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ApplicationDocument document = ApplicationDocument.<ApplicationDocument>find("applicationId = ?1 and kind = ?2", app.id, kind)
                .firstResultOptional()
                .orElseGet(ApplicationDocument::new);
        document.applicationId = app.id;
        document.kind = kind;
        document.contentType = type;
        sealed.seal(document, content);
        document.sizeBytes = content.length;
        document.sha256 = Hashes.sha256Hex(content);
        document.uploadedAt = now;
        document.persist();
        audit.record(AuditTrail.APPLICANT, AuditAction.DOCUMENT_UPLOADED, app.id, app.policyVersion,
                kind.pathSegment() + " " + type + " " + content.length + " bytes sha256=" + document.sha256, now);
        readiness.advanceIfComplete(app, now);
        app.updatedAt = now;
        LOG.infof("Application %s: %s document received, now %s", app.id, kind.pathSegment(), app.status);
        return view.receipt(app);
    }

    /** The base media type of an uploaded document, once it is non-empty, at most 10 MiB, and of its declared type. */
    public static String checkedDocument(String mediaType, byte[] content) {
        if (content == null || content.length == 0) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The document is empty.");
        }
        if (content.length > RequestLimits.DOCUMENT_MAX_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "A document may be at most 10 MiB.");
        }
        String type = DocumentSniffer.baseType(mediaType);
        if (!DocumentSniffer.matches(type, content)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The document's content is not " + type + " as declared. Upload a JPEG, PNG or PDF file with its own Content-Type.");
        }
        return type;
    }
}
