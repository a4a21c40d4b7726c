package io.kycwhitelist.review.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kycwhitelist.intake.ApplicantType;
import io.kycwhitelist.intake.ApplicationStatus;
import io.kycwhitelist.intake.Chain;
import io.kycwhitelist.intake.api.ReasonView;
import io.kycwhitelist.policy.DocumentType;
import io.kycwhitelist.policy.Flag;
import io.kycwhitelist.review.Decision;
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
            String signature) {}

    @Schema(name = "ReviewDocument")
    public record Document(
            @Schema(example = "identity") String kind, String contentType, int sizeBytes, String sha256, Instant uploadedAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReviewDecision")
    public record DecisionView(String reviewer, Decision decision, String reason, String policyVersion, Instant decidedAt) {}
}
