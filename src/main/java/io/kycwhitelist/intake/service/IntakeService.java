package io.kycwhitelist.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.Countries;
import io.kycwhitelist.common.Ethereum;
import io.kycwhitelist.common.Hashes;
import io.kycwhitelist.common.crypto.Sealing;
import io.kycwhitelist.common.problem.Problem.FieldError;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.intake.ApplicantType;
import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationDocument;
import io.kycwhitelist.intake.ApplicationStatus;
import io.kycwhitelist.intake.ApplicationWallet;
import io.kycwhitelist.intake.DocumentKind;
import io.kycwhitelist.intake.DocumentSniffer;
import io.kycwhitelist.intake.IdempotencyRecord;
import io.kycwhitelist.intake.api.ApplicationCreated;
import io.kycwhitelist.intake.api.ApplicationRequest;
import io.kycwhitelist.intake.api.ApplicationStatusView;
import io.kycwhitelist.intake.api.DocumentReceipt;
import io.kycwhitelist.intake.api.OrganizationApplicationRequest;
import io.kycwhitelist.intake.api.PersonDetails;
import io.kycwhitelist.intake.api.ReasonView;
import io.kycwhitelist.intake.api.WalletRequest;
import io.kycwhitelist.policy.Applicant;
import io.kycwhitelist.policy.DocumentType;
import io.kycwhitelist.policy.Flag;
import io.kycwhitelist.policy.JurisdictionPolicy;
import io.kycwhitelist.policy.PolicyDecision;
import io.kycwhitelist.policy.PolicyInForce;
import io.kycwhitelist.policy.Reason;
import io.kycwhitelist.policy.ReasonCode;
import io.kycwhitelist.policy.WalletProof;
import io.kycwhitelist.screening.service.ScreeningService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/** Takes applications in, decides them against the policy in force, and takes their documents. */
@ApplicationScoped
public class IntakeService {

    public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(IntakeService.class);

    private final PolicyInForce policies;
    private final Sealing sealing;
    private final MeterRegistry metrics;
    private final ScreeningService screening;
    private final RequestValidator validator;
    private final AuditTrail audit;
    private final StatusTokens tokens;
    private final ObjectMapper canonicalJson;
    private final ObjectMapper json;

    IntakeService(PolicyInForce policies, ScreeningService screening, RequestValidator validator, AuditTrail audit, StatusTokens tokens,
                  ObjectMapper json, MeterRegistry metrics, Sealing sealing) {
        this.sealing = sealing;
        this.metrics = metrics;
        this.policies = policies;
        this.screening = screening;
        this.validator = validator;
        this.audit = audit;
        this.tokens = tokens;
        this.json = json;
        this.canonicalJson = json.copy()
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** The outcome of a submission; {@code replayed} when an Idempotency-Key matched an earlier one. */
    public record Submission(ApplicationCreated answer, boolean replayed) {}

    /**
     * Validates and decides an application. With an Idempotency-Key, the same key and body answer
     * the first answer again; the same key with another body is refused.
     */
    public Submission submit(ApplicationRequest request, String idempotencyKey) {
        JurisdictionPolicy policy = policies.current();
        RequestValidator.failIfAny(validate(request, policy));
        if (idempotencyKey == null) {
            return new Submission(createInTransaction(request, policy, null, null), false);
        }
        String requestHash = Hashes.sha256Hex(canonical(request));
        String keyHash = Hashes.sha256Hex(idempotencyKey);
        Optional<Submission> earlier = QuarkusTransaction.requiringNew().call(() -> replay(keyHash, requestHash, idempotencyKey));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return new Submission(createInTransaction(request, policy, idempotencyKey, requestHash), false);
        } catch (RuntimeException e) {
            // A concurrent request with the same key may have committed first (its wallet claim or
            // its key then refused ours): answer as it did.
            return QuarkusTransaction.requiringNew().call(() -> replay(keyHash, requestHash, idempotencyKey)).orElseThrow(() -> e);
        }
    }

    private ApplicationCreated createInTransaction(ApplicationRequest request, JurisdictionPolicy policy, String idempotencyKey, String requestHash) {
        try {
            ApplicationCreated created = QuarkusTransaction.requiringNew().call(() -> create(request, policy, idempotencyKey, requestHash));
            count(created, request.applicantType());
            return created;
        } catch (RuntimeException e) {
            if (ApplicationWallet.CLAIM_INDEX.equals(violatedConstraint(e))) {
                throw new ProblemException(ProblemType.WALLET_ALREADY_CLAIMED,
                        "A wallet of this application was claimed by another application at the same moment.");
            }
            throw e;
        }
    }

    /** Applications by outcome, and the reasons of rejections (Prometheus: kyc_applications_total, kyc_application_reasons_total). */
    private void count(ApplicationCreated created, ApplicantType type) {
        metrics.counter("kyc.applications", "outcome", created.status().name(), "applicantType", type.name()).increment();
        created.reasons().forEach(r -> metrics.counter("kyc.application.reasons", "reason", r.code().name()).increment());
    }

    private Optional<Submission> replay(String keyHash, String requestHash, String idempotencyKey) {
        IdempotencyRecord record = IdempotencyRecord.findById(keyHash);
        if (record == null) {
            return Optional.empty();
        }
        if (!record.requestHash.equals(requestHash)) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was first used with a different request body. Use a new key for a new application.");
        }
        try {
            ApplicationCreated first = json.readValue(record.responseBody, ApplicationCreated.class);
            return Optional.of(new Submission(first.withStatusToken(tokens.derived(idempotencyKey, requestHash)), true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored idempotent answer of application " + record.applicationId + " is unreadable", e);
        }
    }

    private ApplicationCreated create(ApplicationRequest request, JurisdictionPolicy policy, String idempotencyKey, String requestHash) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ScreeningService.Screened screened = screening.screen(subjects(request));
        PolicyDecision decision = withScreening(policy.evaluate(applicant(request), LocalDate.now(ZoneOffset.UTC)), screened);
        if (!decision.rejected()) {
            refuseClaimedWallets(request.wallets());
        }
        Application app = newApplication(request, decision, now, sealing);
        String token = idempotencyKey == null ? tokens.random() : tokens.derived(idempotencyKey, requestHash);
        app.statusTokenHash = StatusTokens.hash(token);
        app.persist();
        audit.record(AuditTrail.APPLICANT, AuditAction.SUBMITTED, app.id, decision.policyVersion(),
                "applicantType=" + app.applicantType + " wallets=" + app.wallets.size() + " flags=" + app.flags, now);
        screening.record(app.id, decision.policyVersion(), screened, now);
        if (decision.rejected()) {
            audit.record(AuditTrail.SYSTEM, AuditAction.AUTO_REJECTED, app.id, decision.policyVersion(),
                    decision.reasons().stream().map(Reason::label).collect(Collectors.joining(",")), now);
        }
        ApplicationCreated answer = new ApplicationCreated(app.id, app.status, reasonViews(app.reasons), shownToApplicant(app.flags),
                app.policyVersion, null, app.createdAt);
        if (idempotencyKey != null) {
            IdempotencyRecord record = new IdempotencyRecord();
            record.keyHash = Hashes.sha256Hex(idempotencyKey);
            record.requestHash = requestHash;
            record.applicationId = app.id;
            record.responseBody = writeJson(answer);
            record.createdAt = now;
            record.persist();
        }
        Application.getEntityManager().flush();
        LOG.infof("Application %s submitted: %s under policy %s", app.id, app.status, app.policyVersion);
        return answer.withStatusToken(token);
    }

    private void refuseClaimedWallets(List<WalletRequest> wallets) {
        List<String> keys = wallets.stream().map(w -> w.address().toLowerCase(Locale.ROOT)).toList();
        Set<String> claimed = ApplicationWallet.<ApplicationWallet>list("claimed = true and addressKey in ?1", keys).stream()
                .map(w -> w.addressKey)
                .collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (claimed.contains(keys.get(i))) {
                errors.add(new FieldError("wallets[" + i + "].address", "is already whitelisted or named by another open application"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.withErrors(ProblemType.WALLET_ALREADY_CLAIMED,
                    "A wallet may belong to one application only. If it is yours, contact support.", errors);
        }
    }

    private static Application newApplication(ApplicationRequest request, PolicyDecision decision, Instant now, Sealing sealing) {
        PersonDetails person = request.person();
        Application app = new Application();
        app.id = UUID.randomUUID();
        app.applicantType = request.applicantType();
        app.status = decision.rejected() ? ApplicationStatus.REJECTED : ApplicationStatus.PENDING_DOCUMENT;
        app.policyVersion = decision.policyVersion();
        app.reasons = new ArrayList<>(decision.reasons());
        app.flags = decision.flags().stream().sorted().collect(Collectors.toCollection(ArrayList::new));
        app.fullLegalName = text(person.fullLegalName);
        app.dateOfBirthSealed = sealing.sealDate(LocalDate.parse(person.dateOfBirth));
        app.citizenships = upper(person.citizenships);
        app.countryOfResidence = upper(person.countryOfResidence);
        app.residenceSubdivision = person.residenceSubdivision == null ? null : upper(person.residenceSubdivision);
        app.taxResidences = person.taxResidences == null || person.taxResidences.isEmpty()
                ? List.of(app.countryOfResidence)
                : upper(person.taxResidences);
        app.usPermanentResident = person.usPermanentResident;
        app.idDocumentType = person.idDocument.type();
        app.idDocumentNumberSealed = sealing.sealText(person.idDocument.number().toUpperCase(Locale.ROOT));
        app.idDocumentIssuingCountry = upper(person.idDocument.issuingCountry());
        app.idDocumentExpiry = LocalDate.parse(person.idDocument.expiryDate());
        if (request instanceof OrganizationApplicationRequest org) {
            app.organizationLegalName = text(org.legalName);
            app.registrationNumber = text(org.registrationNumber);
            app.countryOfIncorporation = upper(org.countryOfIncorporation);
            app.principalPlaceOfBusiness = upper(org.principalPlaceOfBusiness);
        }
        app.email = request.email().trim();
        app.professionalInvestor = request.professionalInvestor();
        app.notUsPerson = request.declarations().notUsPerson();
        app.termsVersion = request.declarations().termsVersion();
        app.createdAt = now;
        app.updatedAt = now;
        for (WalletRequest w : request.wallets()) {
            ApplicationWallet wallet = new ApplicationWallet();
            wallet.application = app;
            wallet.position = app.wallets.size();
            wallet.chain = w.chain();
            wallet.address = Ethereum.checksummed(w.address());
            wallet.addressKey = w.address().toLowerCase(Locale.ROOT);
            wallet.claimed = !decision.rejected();
            app.wallets.add(wallet);
        }
        return app;
    }

    /** What of the request is screened against the sanctions lists. Call only on a valid request. */
    private static ScreeningService.Subjects subjects(ApplicationRequest request) {
        PersonDetails p = request.person();
        String organisation = request instanceof OrganizationApplicationRequest org ? text(org.legalName) : null;
        return new ScreeningService.Subjects(text(p.fullLegalName), LocalDate.parse(p.dateOfBirth), organisation,
                request.wallets().stream().map(WalletRequest::address).toList());
    }

    /** A stored application as the policy sees it, with the identity document given (the one on file, or a renewal's). */
    public static Applicant applicant(Application app, LocalDate dateOfBirth, DocumentType documentType, String documentIssuingCountry) {
        Applicant.Person person = new Applicant.Person(dateOfBirth, app.citizenships, app.countryOfResidence, app.residenceSubdivision,
                app.taxResidences, app.usPermanentResident, documentType, documentIssuingCountry);
        Applicant.Organization organization = app.countryOfIncorporation == null ? null
                : new Applicant.Organization(app.countryOfIncorporation, app.principalPlaceOfBusiness);
        return new Applicant(person, organization, app.professionalInvestor);
    }

    /** Sanctioned wallets reject the application; possible name matches flag it for (four-eyes) review. */
    public static PolicyDecision withScreening(PolicyDecision decision, ScreeningService.Screened screened) {
        List<Reason> reasons = new ArrayList<>(decision.reasons());
        for (String wallet : screened.sanctionedWallets()) {
            reasons.add(new Reason(ReasonCode.SANCTIONED_WALLET, null, null, "The wallet " + Ethereum.checksummed(wallet)
                    + " is on OFAC's list of sanctioned digital currency addresses; it cannot be whitelisted."));
        }
        Set<Flag> flags = new HashSet<>(decision.flags());
        if (screened.potentialNameMatch()) {
            flags.add(Flag.SANCTIONS_POTENTIAL_MATCH);
        }
        return new PolicyDecision(decision.policyVersion(), reasons, flags);
    }

    /** The flags an applicant may see: never a possible sanctions match (no tipping off). */
    private static List<Flag> shownToApplicant(List<Flag> flags) {
        return flags.stream().filter(Flag::shownToApplicant).toList();
    }

    /** The policy's view of the request. Call only on a valid request. */
    static Applicant applicant(ApplicationRequest request) {
        PersonDetails p = request.person();
        Applicant.Person person = new Applicant.Person(
                LocalDate.parse(p.dateOfBirth),
                upper(p.citizenships),
                upper(p.countryOfResidence),
                p.residenceSubdivision == null ? null : upper(p.residenceSubdivision),
                p.taxResidences == null ? List.of() : upper(p.taxResidences),
                p.usPermanentResident,
                p.idDocument.type(),
                upper(p.idDocument.issuingCountry()));
        Applicant.Organization organization = request instanceof OrganizationApplicationRequest org
                ? new Applicant.Organization(upper(org.countryOfIncorporation), upper(org.principalPlaceOfBusiness))
                : null;
        return new Applicant(person, organization, request.professionalInvestor());
    }

    /** Bean Validation, then the checks that need the whole request or the policy in force. */
    private List<FieldError> validate(ApplicationRequest request, JurisdictionPolicy policy) {
        if (request == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "A JSON body describing the application is required.");
        }
        List<FieldError> errors = new ArrayList<>(validator.violations(request));
        Set<String> invalid = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        PersonDetails person = request.person();
        String prefix = request instanceof OrganizationApplicationRequest ? "representative." : "";
        if (person != null) {
            duplicates(person.citizenships, prefix + "citizenships", errors);
            duplicates(person.taxResidences, prefix + "taxResidences", errors);
            String residence = person.countryOfResidence;
            String region = person.residenceSubdivision;
            boolean residenceValid = residence != null && !invalid.contains(prefix + "countryOfResidence");
            if (residenceValid && region != null && !invalid.contains(prefix + "residenceSubdivision")
                    && !region.substring(0, 2).equalsIgnoreCase(residence)) {
                errors.add(new FieldError(prefix + "residenceSubdivision", "must be a region of the country of residence (" + upper(residence) + ")"));
            }
            if (residenceValid && region == null && policy.hasRestrictedSubdivisions(upper(residence))) {
                errors.add(new FieldError(prefix + "residenceSubdivision",
                        "is required for residents of " + Countries.name(residence) + ", because some of its regions are restricted"));
            }
        }
        if (request.wallets() != null) {
            duplicates(request.wallets().stream().map(w -> w == null ? null : w.address()).toList(), "wallets", ".address", errors);
        }
        if (request.declarations() != null && request.declarations().termsVersion() != null
                && !request.declarations().termsVersion().isBlank()
                && !policy.acceptedTermsVersions().contains(request.declarations().termsVersion())) {
            errors.add(new FieldError("declarations.termsVersion",
                    "must be a terms version in force: " + String.join(", ", policy.acceptedTermsVersions())));
        }
        return errors;
    }

    private static void duplicates(List<String> values, String field, List<FieldError> errors) {
        duplicates(values, field, "", errors);
    }

    private static void duplicates(List<String> values, String field, String suffix, List<FieldError> errors) {
        if (values == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value != null && !seen.add(value.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(field + "[" + i + "]" + suffix, "is listed twice"));
            }
        }
    }

    /** Where an application stands, for the holder of its status token. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ApplicationStatusView status(UUID id, String statusToken) {
        Application app = authorized(id, statusToken, false);
        return new ApplicationStatusView(app.id, app.status, reasonViews(app.reasons), shownToApplicant(app.flags), app.policyVersion,
                ApplicationStatusView.segments(missingDocuments(app)), unprovenWallets(app), app.createdAt, app.updatedAt);
    }

    /** Stores a document; the application moves to review once every required document is in. */
    @Transactional
    public DocumentReceipt upload(UUID id, String statusToken, DocumentKind kind, String mediaType, byte[] content) {
        Application app = authorized(id, statusToken, true);
        if (app.status == ApplicationStatus.REJECTED) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "This application was rejected; it takes no documents.");
        }
        if (app.status != ApplicationStatus.PENDING_DOCUMENT) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                    "This application is " + app.status + "; its documents can no longer be changed.");
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
        document.content = sealing.seal(content);
        document.sealed = true;
        document.sizeBytes = content.length;
        document.sha256 = Hashes.sha256Hex(content);
        document.uploadedAt = now;
        document.persist();
        audit.record(AuditTrail.APPLICANT, AuditAction.DOCUMENT_UPLOADED, app.id, app.policyVersion,
                kind.pathSegment() + " " + type + " " + content.length + " bytes sha256=" + document.sha256, now);
        advanceIfComplete(app, now);
        app.updatedAt = now;
        LOG.infof("Application %s: %s document received, now %s", app.id, kind.pathSegment(), app.status);
        return new DocumentReceipt(app.status, ApplicationStatusView.segments(missingDocuments(app)), unprovenWallets(app));
    }

    /** The base media type of an uploaded document, once it is non-empty, at most 10 MiB, and of its declared type. */
    public static String checkedDocument(String mediaType, byte[] content) {
        if (content == null || content.length == 0) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The document is empty.");
        }
        if (content.length > MAX_DOCUMENT_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "A document may be at most 10 MiB.");
        }
        String type = DocumentSniffer.baseType(mediaType);
        if (!DocumentSniffer.matches(type, content)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The document's content is not " + type + " as declared. Upload a JPEG, PNG or PDF file with its own Content-Type.");
        }
        return type;
    }

    /**
     * Moves an application waiting for its applicant to review once every required document is in
     * and, where the policy requires it, every wallet is proven; where the policy makes proofs
     * optional, unproven wallets go to review flagged WALLET_NOT_PROVEN.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advanceIfComplete(Application app, Instant now) {
        if (app.status != ApplicationStatus.PENDING_DOCUMENT || !missingDocuments(app).isEmpty()) {
            return;
        }
        boolean unproven = app.wallets.stream().anyMatch(w -> !w.proven());
        if (unproven && policies.current().walletProof() == WalletProof.REQUIRED) {
            return;
        }
        if (unproven && !app.flags.contains(Flag.WALLET_NOT_PROVEN)) {
            List<Flag> flags = new ArrayList<>(app.flags);
            flags.add(Flag.WALLET_NOT_PROVEN);
            app.flags = flags;
        }
        app.status = ApplicationStatus.PENDING_REVIEW;
        audit.record(AuditTrail.SYSTEM, AuditAction.READY_FOR_REVIEW, app.id, app.policyVersion, unproven ? "flags=" + app.flags : null, now);
    }

    /**
     * The application, for the holder of its status token; {@code lock} takes a row lock for a change.
     * A missing token is a 400, an unknown id or a wrong token the same 404.
     */
    public Application authorized(UUID id, String statusToken, boolean lock) {
        if (statusToken == null || statusToken.isBlank()) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The X-Status-Token header is required: it was given with the answer to the submission.");
        }
        Application app = lock ? Application.findById(id, LockModeType.PESSIMISTIC_WRITE) : Application.findById(id);
        if (app == null || !StatusTokens.matches(statusToken, app.statusTokenHash)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No application with this id and status token.");
        }
        return app;
    }

    private static List<DocumentKind> missingDocuments(Application app) {
        if (app.status != ApplicationStatus.PENDING_DOCUMENT) {
            return List.of();
        }
        Set<DocumentKind> present = ApplicationDocument.<ApplicationDocument>find("applicationId", app.id).stream()
                .map(d -> d.kind)
                .collect(Collectors.toSet());
        return app.requiredDocuments().stream().filter(k -> !present.contains(k)).toList();
    }

    /** The wallets still to prove, while the applicant can still prove them. */
    private static List<String> unprovenWallets(Application app) {
        if (app.status == ApplicationStatus.REJECTED || app.status == ApplicationStatus.APPROVED) {
            return List.of();
        }
        return app.wallets.stream().filter(w -> !w.proven()).map(w -> w.address).toList();
    }

    private static List<ReasonView> reasonViews(List<Reason> reasons) {
        return reasons.stream().map(ReasonView::of).toList();
    }

    private byte[] canonical(ApplicationRequest request) {
        try {
            return canonicalJson.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A validated request always serializes", e);
        }
    }

    private String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String violatedConstraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve) {
                return cve.getConstraintName();
            }
        }
        return null;
    }

    private static String upper(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    private static List<String> upper(List<String> codes) {
        return codes.stream().map(IntakeService::upper).toList();
    }

    /** Names in NFC, trimmed, so that equal names compare equal later (screening, audit). */
    private static String text(String value) {
        return Normalizer.normalize(value.trim(), Normalizer.Form.NFC);
    }
}
