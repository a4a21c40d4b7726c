package io.kycwhitelist.review.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kycwhitelist.intake.ApplicantType;
import io.kycwhitelist.intake.ApplicationStatus;
import io.kycwhitelist.intake.Chain;
import io.kycwhitelist.intake.api.ReasonView;
import io.kycwhitelist.policy.DocumentType;
import io.kycwhitelist.policy.Flag;
import io.kycwhitelist.intake.ApplicationWallet;
import io.kycwhitelist.review.Decision;
import io.kycwhitelist.review.ReviewDecision;
import io.kycwhitelist.screening.ListSource;
import io.kycwhitelist.screening.service.SanctionsHit;
import io.kycwhitelist.screening.SanctionsList;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything a reviewer needs to decide; carries an ETag for the decision's If-Match. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ApplicationReview")
public record ApplicationReview(
        UUID id,
        ApplicationStatus status,
        ApplicantType applicantType,
        @Schema(description = "The individual, or the organisation's representative.") Person person,
        @Schema(description = "For organisations only.") Organization organization,
        String email,
        boolean professionalInvestor,
        List<Wallet> wallets,
        boolean notUsPerson,
        String termsVersion,
        List<ReasonView> reasons,
        List<Flag> flags,
        String policyVersion,
        List<Document> documents,
        @Schema(description = "Approvals a final approval needs: 2 for a flagged application (four eyes), otherwise 1.") int approvalsRequired,
        @Schema(description = "Every decision so far, oldest first.") List<DecisionView> decisions,
        @Schema(description = "The latest sanctions screening: the lists it used and its hits.") Sanctions sanctions,
        @Schema(description = "When the personal data was erased (then the name is a keyed hash and the birth date, ID number, "
                + "e-mail and documents are gone); absent while it is kept.") Instant erasedAt,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "ReviewPerson")
    public record Person(
            String fullLegalName, LocalDate dateOfBirth, List<String> citizenships, String countryOfResidence,
            String residenceSubdivision, List<String> taxResidences, boolean usPermanentResident, IdDocument idDocument) {}

    @Schema(name = "ReviewIdDocument")
    public record IdDocument(DocumentType type, String number, String issuingCountry, LocalDate expiryDate) {}

    @Schema(name = "ReviewOrganization")
    public record Organization(String legalName, String registrationNumber, String countryOfIncorporation, String principalPlaceOfBusiness) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReviewWallet")
    public record Wallet(
            Chain chain, String address,
            @Schema(description = "The applicant proved control with a signed challenge.") boolean proven,
            Instant provenAt,
            @Schema(description = "The message that was signed.") String signedMessage,
            String signature,
            @Schema(description = "The application holds the address: it is whitelisted when the application is approved. Only held wallets are.")
            boolean held,
            @Schema(description = "Another application holds the address (its applicant proved control first), or an administrator released it "
                    + "from this one: it is not whitelisted with this application.") boolean taken,
            @Schema(description = "When, by whom and why an administrator (or the erasure) released the claim.") Instant releasedAt,
            String releasedBy,
            String releaseReason) {

        public static Wallet of(ApplicationWallet w, boolean taken) {
            return new Wallet(w.chain, w.address, w.proven(), w.provenAt, w.proofMessage, w.proofSignature, w.claimed, taken,
                    w.releasedAt, w.releasedBy, w.releaseReason);
        }
    }

    @Schema(name = "ReviewDocument")
    public record Document(
            @Schema(example = "identity") String kind, String contentType, int sizeBytes, String sha256, Instant uploadedAt) {}

    @Schema(name = "ReviewSanctions")
    public record Sanctions(
            Instant screenedAt,
            @Schema(description = "Name matches scoring at least this were kept as hits.") BigDecimal threshold,
            List<ListSource> lists,
            @Schema(description = "Open hits block approval: dismiss each false positive with a reason, or reject.") List<Hit> hits) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReviewSanctionsHit")
    public record Hit(
            UUID id,
            @Schema(description = "What was screened: PERSON, ORGANISATION, REPRESENTATIVE or WALLET.") SanctionsHit.Subject subject,
            @Schema(description = "The name or address screened.") String screened,
            SanctionsList list,
            @Schema(description = "The list's own id of the entry (OFAC entry number, UN reference number).") String entryId,
            String matchedName,
            @Schema(description = "0..1; wallets on the list score 1.") BigDecimal score,
            @Schema(description = "Why the names matched, in words.") List<String> why,
            @Schema(description = "The list entry as it was when screened.") SanctionsHit.ListedEntry entry,
            String dismissedBy,
            String dismissalReason,
            Instant dismissedAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReviewDecision")
    public record DecisionView(String reviewer, Decision decision, String reason, String policyVersion, Instant decidedAt) {

        public static DecisionView of(ReviewDecision d) {
            return new DecisionView(d.reviewer, d.decision, d.reason, d.policyVersion, d.decidedAt);
        }
    }
}
