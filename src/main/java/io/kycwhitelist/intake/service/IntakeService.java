package io.kycwhitelist.intake.service;

import static io.kycwhitelist.intake.service.ApplicantPolicy.upper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.Ethereum;
import io.kycwhitelist.common.Hashes;
import io.kycwhitelist.common.problem.Problem.FieldError;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.intake.ApplicantType;
import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationStatus;
import io.kycwhitelist.intake.ApplicationWallet;
import io.kycwhitelist.intake.IdempotencyRecord;
import io.kycwhitelist.intake.api.ApplicantStatus;
import io.kycwhitelist.intake.api.ApplicationCreated;
import io.kycwhitelist.intake.api.ApplicationRequest;
import io.kycwhitelist.intake.api.ApplicationStatusView;
import io.kycwhitelist.intake.api.OrganizationApplicationRequest;
import io.kycwhitelist.intake.api.PersonDetails;
import io.kycwhitelist.intake.api.ReasonView;
import io.kycwhitelist.intake.api.WalletRequest;
import io.kycwhitelist.policy.JurisdictionPolicy;
import io.kycwhitelist.policy.PolicyDecision;
import io.kycwhitelist.policy.PolicyInForce;
import io.kycwhitelist.policy.Reason;
import io.kycwhitelist.screening.service.ScreeningService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
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
 * Takes applications in: validates them, decides them against the policy in force and the
 * sanctions lists at once, and stores them. Naming a wallet holds nothing yet: the applicant holds
 * it once they prove control of it ({@link WalletClaims}); an address another application already
 * holds is refused here.
 */
@ApplicationScoped
public class IntakeService {

    private static final Logger LOG = Logger.getLogger(IntakeService.class);

    private final PolicyInForce policies;
    private final SealedFields sealed;
    private final MeterRegistry metrics;
    private final ScreeningService screening;
    private final SubmissionChecks checks;
    private final AuditTrail audit;
    private final StatusTokens tokens;
    private final ObjectMapper canonicalJson;
    private final ObjectMapper json;

    IntakeService(PolicyInForce policies, ScreeningService screening, SubmissionChecks checks, AuditTrail audit, StatusTokens tokens,
                  ObjectMapper json, MeterRegistry metrics, SealedFields sealed) {
        this.sealed = sealed;
        this.metrics = metrics;
        this.policies = policies;
        this.screening = screening;
        this.checks = checks;
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
        RequestValidator.failIfAny(checks.errors(request, policy));
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
            // A concurrent request with the same key may have committed first (its key then refused
            // ours): answer as it did.
            return QuarkusTransaction.requiringNew().call(() -> replay(keyHash, requestHash, idempotencyKey)).orElseThrow(() -> e);
        }
    }

    private ApplicationCreated createInTransaction(ApplicationRequest request, JurisdictionPolicy policy, String idempotencyKey, String requestHash) {
        ApplicationCreated created = QuarkusTransaction.requiringNew().call(() -> create(request, policy, idempotencyKey, requestHash));
        count(created, request.applicantType());
        return created;
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
        PolicyDecision decision = ApplicantPolicy.withScreening(policy.evaluate(ApplicantPolicy.applicant(request), LocalDate.now(ZoneOffset.UTC)), screened);
        if (!decision.rejected()) {
            refuseClaimedWallets(request.wallets());
        }
        Application app = newApplication(request, decision, now, sealed);
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
        ApplicationCreated answer = new ApplicationCreated(app.id, ApplicantStatus.of(app.status), app.reasons.stream().map(ReasonView::of).toList(),
                ApplicationStatusView.segments(Readiness.missingDocuments(app)), app.policyVersion, null, app.createdAt);
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
                errors.add(new FieldError("wallets[" + i + "].address", "is held by another application (whitelisted, or proven by its applicant)"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.withErrors(ProblemType.WALLET_ALREADY_CLAIMED,
                    "A wallet may belong to one application only. If it is yours, contact support.", errors);
        }
    }

    private static Application newApplication(ApplicationRequest request, PolicyDecision decision, Instant now, SealedFields sealed) {
        PersonDetails person = request.person();
        Application app = new Application();
        app.id = UUID.randomUUID();
        app.applicantType = request.applicantType();
        app.status = decision.rejected() ? ApplicationStatus.REJECTED : ApplicationStatus.PENDING_DOCUMENT;
        app.policyVersion = decision.policyVersion();
        app.reasons = new ArrayList<>(decision.reasons());
        app.flags = decision.flags().stream().sorted().collect(Collectors.toCollection(ArrayList::new));
        app.fullLegalName = text(person.fullLegalName);
        sealed.seal(app, LocalDate.parse(person.dateOfBirth), person.idDocument.number().toUpperCase(Locale.ROOT));
        app.citizenships = upper(person.citizenships);
        app.countryOfResidence = upper(person.countryOfResidence);
        app.residenceSubdivision = person.residenceSubdivision == null ? null : upper(person.residenceSubdivision);
        app.taxResidences = person.taxResidences == null || person.taxResidences.isEmpty()
                ? List.of(app.countryOfResidence)
                : upper(person.taxResidences);
        app.usPermanentResident = person.usPermanentResident;
        app.idDocumentType = person.idDocument.type();
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
            wallet.claimed = false; // held once proven (WalletClaims)
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

    /** Names in NFC, trimmed, so that equal names compare equal later (screening, audit). */
    private static String text(String value) {
        return Normalizer.normalize(value.trim(), Normalizer.Form.NFC);
    }
}
