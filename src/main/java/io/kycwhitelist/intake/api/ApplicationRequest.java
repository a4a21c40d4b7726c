package io.kycwhitelist.intake.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.kycwhitelist.intake.ApplicantType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A whitelisting application as submitted: an individual or an organisation. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "applicantType")
@JsonSubTypes({
    @JsonSubTypes.Type(value = IndividualApplicationRequest.class, name = "INDIVIDUAL"),
    @JsonSubTypes.Type(value = OrganizationApplicationRequest.class, name = "ORGANIZATION")
})
@Schema(
        name = "ApplicationRequest",
        oneOf = {IndividualApplicationRequest.class, OrganizationApplicationRequest.class},
        discriminatorProperty = "applicantType",
        discriminatorMapping = {
            @DiscriminatorMapping(value = "INDIVIDUAL", schema = IndividualApplicationRequest.class),
            @DiscriminatorMapping(value = "ORGANIZATION", schema = OrganizationApplicationRequest.class)
        })
public sealed interface ApplicationRequest permits IndividualApplicationRequest, OrganizationApplicationRequest {

    @JsonProperty("applicantType")
    @Schema(required = true)
    ApplicantType applicantType();

    /** The natural person the policy applies to as an individual. */
    PersonDetails person();

    String email();

    boolean professionalInvestor();

    List<WalletRequest> wallets();

    DeclarationsRequest declarations();
}
