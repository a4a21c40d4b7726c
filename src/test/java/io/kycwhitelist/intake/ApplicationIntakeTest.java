package io.kycwhitelist.intake;

import static io.kycwhitelist.support.Applications.child;
import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.organization;
import static io.kycwhitelist.support.Applications.submit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.kycwhitelist.support.Applications;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Submitting applications over HTTP: what an applicant sees for each outcome of the policy. */
@QuarkusTest
class ApplicationIntakeTest {

    @BeforeAll
    static void readableFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aGermanResidentIsAcceptedAndAskedForDocuments() {
        ExtractableResponse<Response> created = submit(individual())
                .statusCode(201)
                .contentType("application/json")
                .header("Location", matchesPattern(".*/api/v1/applications/[0-9a-f-]{36}"))
                .body("status", equalTo("PENDING_DOCUMENT"))
                .body("reasons", empty())
                .body("missingDocuments", contains("identity"))
                .body("$", not(hasKey("flags")))
                .body("policyVersion", equalTo("2026-11-22.1"))
                .body("statusToken", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/api/v1/applications/" + id));
    }

    @Test
    void namesInAnyScriptAndLowerCaseCountryCodesAreAccepted() {
        for (String name : List.of("王小明", "Łukasiewicz, Zoë", "Ngũgĩ wa Thiong'o", "Мария-Анна Иванова")) {
            Map<String, Object> body = individual();
            body.put("fullLegalName", name);
            body.put("citizenships", List.of("de", "Pl"));
            body.put("countryOfResidence", "de");
            submit(body).statusCode(201).body("status", equalTo("PENDING_DOCUMENT"));
        }
    }

    @Nested
    class EachReasonCode {

        @Test
        void restrictedCitizenship() {
            Map<String, Object> body = individual();
            body.put("citizenships", List.of("DE", "SG"));
            rejectedWith(body, "RESTRICTED_CITIZENSHIP", "SG");
        }

        @Test
        void restrictedResidence() {
            Map<String, Object> body = individual();
            body.put("countryOfResidence", "CN");
            body.put("taxResidences", List.of("DE"));
            rejectedWith(body, "RESTRICTED_RESIDENCE", "CN");
        }

        @Test
        void restrictedRegionOfResidence() {
            Map<String, Object> body = individual();
            body.put("citizenships", List.of("UA"));
            body.put("countryOfResidence", "UA");
            body.put("residenceSubdivision", "ua-43");
            child(body, "idDocument").put("issuingCountry", "UA");
            submit(body).statusCode(201)
                    .body("status", equalTo("REJECTED"))
                    .body("reasons[0].code", equalTo("RESTRICTED_RESIDENCE"))
                    .body("reasons[0].country", equalTo("UA"))
                    .body("reasons[0].subdivision", equalTo("UA-43"))
                    .body("reasons[0].message", startsWith("The applicant's region of residence is Crimea (UA-43)"));
        }

        @Test
        void restrictedTaxResidence() {
            Map<String, Object> body = individual();
            body.put("taxResidences", List.of("DE", "SC"));
            rejectedWith(body, "RESTRICTED_TAX_RESIDENCE", "SC");
        }

        @Test
        void greenCardHolder() {
            Map<String, Object> body = individual();
            body.put("usPermanentResident", true);
            rejectedWith(body, "US_PERMANENT_RESIDENT", "US");
        }

        @Test
        void documentIssuedByARestrictedCountry() {
            Map<String, Object> body = individual();
            child(body, "idDocument").put("type", "RESIDENCE_PERMIT");
            child(body, "idDocument").put("issuingCountry", "IR");
            rejectedWith(body, "RESTRICTED_DOCUMENT_COUNTRY", "IR");
        }

        @Test
        void restrictedIncorporation() {
            Map<String, Object> body = organization();
            body.put("countryOfIncorporation", "WS");
            rejectedWith(body, "RESTRICTED_INCORPORATION", "WS");
        }

        @Test
        void restrictedPlaceOfBusiness() {
            Map<String, Object> body = organization();
            body.put("principalPlaceOfBusiness", "KP");
            rejectedWith(body, "RESTRICTED_PLACE_OF_BUSINESS", "KP");
        }

        @Test
        void underage() {
            Map<String, Object> body = individual();
            body.put("dateOfBirth", LocalDate.now(ZoneOffset.UTC).minusYears(18).plusDays(1).toString());
            submit(body).statusCode(201)
                    .body("status", equalTo("REJECTED"))
                    .body("reasons.code", contains("UNDERAGE"))
                    .body("reasons[0].country", equalTo(null));
        }

        private void rejectedWith(Map<String, Object> body, String code, String country) {
            submit(body).statusCode(201)
                    .body("status", equalTo("REJECTED"))
                    .body("reasons", hasSize(1))
                    .body("reasons[0].code", equalTo(code))
                    .body("reasons[0].country", equalTo(country))
                    .body("reasons[0].message", notNullValue())
                    .body("statusToken", notNullValue());
        }
    }

    @Test
    void everyReasonThatAppliesIsReported() {
        Map<String, Object> body = individual();
        body.put("citizenships", List.of("US"));
        body.put("countryOfResidence", "US");
        body.put("usPermanentResident", true);
        child(body, "idDocument").put("issuingCountry", "US");
        submit(body).statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasons.code", contains("RESTRICTED_CITIZENSHIP", "RESTRICTED_RESIDENCE", "RESTRICTED_TAX_RESIDENCE",
                        "US_PERMANENT_RESIDENT", "RESTRICTED_DOCUMENT_COUNTRY"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PR", "GU", "VI", "AS", "MP", "UM"})
    void residentsOfUsTerritoriesAreRejectedAsUsResidents(String territory) {
        Map<String, Object> body = individual();
        body.put("countryOfResidence", territory);
        body.put("taxResidences", List.of("DE"));
        submit(body).statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasons.code", contains("RESTRICTED_RESIDENCE"))
                .body("reasons[0].country", equalTo(territory))
                .body("reasons[0].message", org.hamcrest.Matchers.containsString("of the United States (Regulation S, Rule 902(l))"));
    }

    @Nested
    class HongKongException {

        Map<String, Object> hongKongResident(Boolean professionalInvestor) {
            Map<String, Object> body = individual();
            body.put("citizenships", List.of("HK"));
            body.put("countryOfResidence", "HK");
            child(body, "idDocument").put("issuingCountry", "HK");
            if (professionalInvestor != null) {
                body.put("professionalInvestor", professionalInvestor);
            }
            return body;
        }

        @Test
        void aProfessionalInvestorIsFlaggedAndAskedForEvidence() {
            String id = submit(hongKongResident(true)).statusCode(201)
                    .body("status", equalTo("PENDING_DOCUMENT"))
                    .body("reasons", empty())
                    .body("missingDocuments", contains("identity", "professional-investor-evidence"))
                    .extract().path("id");
            given().auth().oauth2(io.kycwhitelist.support.Tokens.reviewer()).when().get(io.kycwhitelist.support.Reviews.REVIEW + "/" + id).then()
                    .statusCode(200).body("flags", contains("PROFESSIONAL_INVESTOR_EXCEPTION"));
        }

        @Test
        void withoutTheClaimTheApplicantIsRejected() {
            submit(hongKongResident(null)).statusCode(201)
                    .body("status", equalTo("REJECTED"))
                    .body("reasons.country", hasItem("HK"))
                    .body("missingDocuments", empty());
        }

        @Test
        void theExceptionDoesNotExtendToOtherRestrictions() {
            Map<String, Object> body = hongKongResident(true);
            body.put("citizenships", List.of("HK", "CN"));
            submit(body).statusCode(201)
                    .body("status", equalTo("REJECTED"))
                    .body("reasons.country", hasItem("CN"))
                    .body("missingDocuments", empty());
        }

        @Test
        void aSingaporeanClaimingTheStatusIsStillRejected() {
            Map<String, Object> body = individual();
            body.put("countryOfResidence", "SG");
            body.put("professionalInvestor", true);
            submit(body).statusCode(201).body("status", equalTo("REJECTED"));
        }
    }

    @Nested
    class Organisations {

        @Test
        void aGermanCompanyIsAccepted() {
            submit(organization()).statusCode(201).body("status", equalTo("PENDING_DOCUMENT"));
        }

        @Test
        void theRepresentativeIsCheckedAsAnIndividual() {
            Map<String, Object> body = organization();
            child(body, "representative").put("countryOfResidence", "US");
            child(body, "representative").put("taxResidences", List.of("DE"));
            submit(body).statusCode(201)
                    .body("status", equalTo("REJECTED"))
                    .body("reasons.code", contains("RESTRICTED_RESIDENCE"))
                    .body("reasons[0].message", startsWith("The representative's"));
        }

        @Test
        void representativeErrorsAreNamedByTheirPath() {
            Map<String, Object> body = organization();
            child(child(body, "representative"), "idDocument").put("expiryDate", "2001-01-01");
            submit(body).statusCode(400)
                    .body("errors.field", contains("representative.idDocument.expiryDate"));
        }

        @Test
        void organisationFieldsAreRequired() {
            Map<String, Object> body = organization();
            body.remove("legalName");
            body.remove("countryOfIncorporation");
            submit(body).statusCode(400)
                    .body("errors.field", containsInAnyOrder("legalName", "countryOfIncorporation"));
        }

        @Test
        void anIndividualsFieldsAtTopLevelAreUnknownToAnOrganisation() {
            Map<String, Object> body = organization();
            body.put("fullLegalName", "Somebody");
            submit(body).statusCode(400).body("errors.field", contains("fullLegalName"));
        }
    }

    @Test
    void aPassportOfAnotherCountryThanTheCitizenshipsIsFlagged() {
        Map<String, Object> body = individual();
        child(body, "idDocument").put("issuingCountry", "AT");
        String id = submit(body).statusCode(201)
                .body("status", equalTo("PENDING_DOCUMENT"))
                .body("$", not(hasKey("flags")))
                .extract().path("id");
        given().auth().oauth2(io.kycwhitelist.support.Tokens.reviewer()).when().get(io.kycwhitelist.support.Reviews.REVIEW + "/" + id).then()
                .statusCode(200).body("flags", contains("DOCUMENT_NATIONALITY_MISMATCH"));
    }

    @Test
    void theStatusTokenIsStoredOnlyAsAHash() {
        String token = submit(individual()).statusCode(201).extract().path("statusToken");
        long plain = Application.count("statusTokenHash = ?1", token);
        long hashed = Application.count("statusTokenHash = ?1", io.kycwhitelist.common.Hashes.sha256Hex(token));
        org.junit.jupiter.api.Assertions.assertEquals(0, plain);
        org.junit.jupiter.api.Assertions.assertEquals(1, hashed);
    }

    @Test
    void aWalletHeldByAnotherApplicationIsAConflict() {
        Map<String, Object> first = individual();
        ExtractableResponse<Response> holder = submit(first).statusCode(201).extract();
        Applications.proveWallets(holder.path("id"), holder.path("statusToken"), first); // proven: held
        Map<String, Object> second = individual();
        Applications.setWallets(second, Applications.walletAddress(first, 0).toLowerCase());
        submit(second).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/wallet-already-claimed"))
                .body("errors.field", contains("wallets[0].address"));
    }

    @Test
    void aRejectedApplicationDoesNotHoldItsWallet() {
        Map<String, Object> rejected = individual();
        rejected.put("countryOfResidence", "US");
        submit(rejected).statusCode(201).body("status", equalTo("REJECTED"));
        Map<String, Object> retry = individual();
        retry.put("wallets", rejected.get("wallets"));
        submit(retry).statusCode(201).body("status", equalTo("PENDING_DOCUMENT"));
    }
}
