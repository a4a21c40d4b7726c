package io.kycwhitelist.intake.service;

import static io.kycwhitelist.intake.service.ApplicantPolicy.upper;

import io.kycwhitelist.common.Countries;
import io.kycwhitelist.common.problem.Problem.FieldError;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.intake.api.ApplicationRequest;
import io.kycwhitelist.intake.api.OrganizationApplicationRequest;
import io.kycwhitelist.intake.api.PersonDetails;
import io.kycwhitelist.policy.JurisdictionPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What makes a submission valid: Bean Validation, then the checks that need the whole request or the policy in force. */
@ApplicationScoped
class SubmissionChecks {

    private final RequestValidator validator;

    SubmissionChecks(RequestValidator validator) {
        this.validator = validator;
    }

    /** Every problem of the request at once, each named by its JSON path. */
    List<FieldError> errors(ApplicationRequest request, JurisdictionPolicy policy) {
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
}
