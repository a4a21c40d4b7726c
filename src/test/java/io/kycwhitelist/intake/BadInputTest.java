package io.kycwhitelist.intake;

import static io.kycwhitelist.support.Applications.PATH;
import static io.kycwhitelist.support.Applications.child;
import static io.kycwhitelist.support.Applications.freshAddress;
import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.submit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.kycwhitelist.support.Applications;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad request gets a problem document naming what is wrong; never a 500. */
@QuarkusTest
class BadInputTest {

    @BeforeAll
    static void readableFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static ValidatableResponse post(String contentType, String body) {
        return given().contentType(contentType).body(body).when().post(PATH).then();
    }

    /** A problem document of the given type that leaks nothing of the implementation. */
    static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(type))
                .body("title", notNullValue())
                .body("status", equalTo(status))
                .body("detail", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("io.kycwhitelist")))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("SQL")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"applicantType\": ", "{\"applicantType\": \"INDIVIDUAL\",}", "not json", "{\"a\":1,\"a\":2}"})
    void malformedJsonIs400(String body) {
        problem(post("application/json", body), 400, "/problems/malformed-json");
    }

    /** Odd bodies from careless or hostile clients: each gets a 4xx problem document, never a 500. */
    @ParameterizedTest
    @ValueSource(strings = {
        "null", "123", "\"text\"", "true", "{}", "{\"applicantType\": null}", "{\"applicantType\": 1}",
        "{\"applicantType\": \"INDIVIDUAL\", \"wallets\": [null]}",
        "{\"applicantType\": \"INDIVIDUAL\", \"wallets\": \"0x00\"}",
        "{\"applicantType\": \"INDIVIDUAL\", \"wallets\": [{\"chain\": null, \"address\": null}]}",
        "{\"applicantType\": \"INDIVIDUAL\", \"citizenships\": [null, \"DE\", 1]}",
        "{\"applicantType\": \"INDIVIDUAL\", \"citizenships\": [null, null]}",
        "{\"applicantType\": \"INDIVIDUAL\", \"idDocument\": []}",
        "{\"applicantType\": \"INDIVIDUAL\", \"dateOfBirth\": \"0000-00-00\", \"residenceSubdivision\": \"-\"}",
        "{\"applicantType\": \"INDIVIDUAL\", \"countryOfResidence\": \"UA\", \"residenceSubdivision\": \"DE-BE\"}",
        "{\"applicantType\": \"INDIVIDUAL\", \"declarations\": {\"notUsPerson\": null, \"termsVersion\": 7}}",
        "{\"applicantType\": \"INDIVIDUAL\", \"usPermanentResident\": 1e999999}",
        "{\"applicantType\": \"INDIVIDUAL\", \"fullLegalName\": \"\\ud800\\u0000\"}",
        "{\"applicantType\": \"ORGANIZATION\", \"representative\": []}",
        "{\"applicantType\": \"ORGANIZATION\", \"representative\": {\"idDocument\": {\"type\": \"VISA\"}}}",
        "{\"applicantType\": \"ORGANIZATION\", \"representative\": null, \"wallets\": [{}]}"
    })
    void oddBodiesAreClientErrorsNeverServerErrors(String body) {
        post("application/json", body).statusCode(400)
                .contentType("application/problem+json")
                .body(not(containsString("Exception")))
                .body(not(containsString("io.kycwhitelist")));
    }

    @Test
    void deeplyNestedJsonIsAClientError() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        post("application/json", deep).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnknownFieldIsNamed() {
        Map<String, Object> body = individual();
        body.put("nickname", "Zo");
        problem(submit(body), 400, "/problems/validation-failed").body("errors.field", contains("nickname"));
    }

    @Test
    void anUnknownNestedFieldIsNamedByItsPath() {
        Map<String, Object> body = individual();
        child(body, "idDocument").put("issuer", "DE");
        problem(submit(body), 400, "/problems/validation-failed").body("errors.field", contains("idDocument.issuer"));
    }

    @Test
    void aMissingOrUnknownApplicantTypeIsNamed() {
        Map<String, Object> body = individual();
        body.remove("applicantType");
        problem(submit(body), 400, "/problems/validation-failed").body("errors.field", contains("applicantType"));
        body.put("applicantType", "TRUST");
        problem(submit(body), 400, "/problems/validation-failed").body("errors.field", contains("applicantType"));
    }

    @Test
    void aValueOfTheWrongJsonTypeIsNamed() {
        Map<String, Object> body = individual();
        body.put("usPermanentResident", "no");
        problem(submit(body), 400, "/problems/validation-failed")
                .body("errors.field", contains("usPermanentResident"))
                .body("errors[0].message", equalTo("must be true or false"));
    }

    @Test
    void aBodyThatIsNotAnObjectIs400() {
        problem(post("application/json", "[]"), 400, "/problems/validation-failed");
        problem(post("application/json", ""), 400, "/problems/validation-failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
    void anotherContentTypeIs415(String contentType) {
        problem(post(contentType, "{}"), 415, "/problems/unsupported-media-type");
    }

    @Test
    void aBodyOver64KibIs413() {
        Map<String, Object> body = individual();
        body.put("fullLegalName", "x".repeat(70_000));
        problem(submit(body), 413, "/problems/payload-too-large");
    }

    @Test
    void everyMissingFieldIsNamed() {
        problem(post("application/json", "{\"applicantType\": \"INDIVIDUAL\"}"), 400, "/problems/validation-failed")
                .body("errors.field", containsInAnyOrder("fullLegalName", "dateOfBirth", "citizenships", "countryOfResidence",
                        "usPermanentResident", "idDocument", "email", "wallets", "declarations"))
                .body("detail", equalTo("9 fields are not valid; see errors."));
    }

    @Test
    void invalidCountryCodesAreNamedEachByTheirPath() {
        Map<String, Object> body = individual();
        body.put("citizenships", List.of("DE", "XX"));
        body.put("countryOfResidence", "Germany");
        body.put("taxResidences", List.of("UK"));
        body.put("residenceSubdivision", "Berlin");
        child(body, "idDocument").put("issuingCountry", "D");
        problem(submit(body), 400, "/problems/validation-failed")
                .body("errors.field", containsInAnyOrder("citizenships[1]", "countryOfResidence", "taxResidences[0]",
                        "residenceSubdivision", "idDocument.issuingCountry"));
    }

    @Test
    void invalidDatesAreNamed() {
        Map<String, Object> body = individual();
        body.put("dateOfBirth", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
        child(body, "idDocument").put("expiryDate", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
        problem(submit(body), 400, "/problems/validation-failed")
                .body("errors.field", contains("dateOfBirth", "idDocument.expiryDate"))
                .body("errors.message", contains("must not be in the future", "must not be in the past (the document has expired)"));
        body.put("dateOfBirth", "12/04/1990");
        child(body, "idDocument").put("expiryDate", "2031-02-30");
        problem(submit(body), 400, "/problems/validation-failed")
                .body("errors.field", contains("dateOfBirth", "idDocument.expiryDate"))
                .body("errors.message", contains("must be a date in the form YYYY-MM-DD", "must be a date in the form YYYY-MM-DD"));
    }

    @Test
    void anAddressWithAWrongChecksumOrLengthIsNamed() {
        Map<String, Object> body = individual();
        // too short; 41 digits; an EIP-55 test vector with its last letter's case flipped
        Applications.setWallets(body, "0x1234", freshAddress().toLowerCase().replace("0x", "0x0"), "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD");
        problem(submit(body), 400, "/problems/validation-failed")
                .body("errors.field", contains("wallets[0].address", "wallets[1].address", "wallets[2].address"));
    }

    @Test
    void anUnknownChainIsNamed() {
        Map<String, Object> body = individual();
        body.put("wallets", List.of(Map.of("chain", "BITCOIN", "address", freshAddress())));
        problem(submit(body), 400, "/problems/validation-failed")
                .body("errors.field", contains("wallets[0].chain"))
                .body("errors[0].message", equalTo("must be one of ETHEREUM"));
    }

    @Test
    void walletsAreOneToTenWithoutDuplicates() {
        Map<String, Object> body = individual();
        body.put("wallets", List.of());
        problem(submit(body), 400, "/problems/validation-failed").body("errors.field", contains("wallets"));
        String address = freshAddress();
        Applications.setWallets(body, address, address.toLowerCase());
        problem(submit(body), 400, "/problems/validation-failed")
                .body("errors.field", contains("wallets[1].address"))
                .body("errors[0].message", equalTo("is listed twice"));
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(freshAddress());
        }
        Applications.setWallets(body, eleven.toArray(String[]::new));
        problem(submit(body), 400, "/problems/validation-failed").body("errors.field", contains("wallets"));
    }

    @Test
    void theNonUsPersonRepresentationMustBeTrue() {
        Map<String, Object> body = individual();
        child(body, "declarations").put("notUsPerson", false);
        problem(submit(body), 400, "/problems/validation-failed")
                .body("errors.field", contains("declarations.notUsPerson"))
                .body("errors[0].message", containsString("902(k)"));
    }

    @Test
    void onlyATermsVersionInForceIsAccepted() {
        Map<String, Object> body = individual();
        child(body, "declarations").put("termsVersion", "2019-01");
        problem(submit(body), 400, "/problems/validation-failed")
                .body("errors.field", contains("declarations.termsVersion"))
                .body("errors[0].message", containsString("2026-11"));
    }

    @Test
    void residentsOfAPartlyRestrictedCountryMustNameTheirRegion() {
        Map<String, Object> body = individual();
        body.put("countryOfResidence", "UA");
        problem(submit(body), 400, "/problems/validation-failed")
                .body("errors.field", contains("residenceSubdivision"))
                .body("errors[0].message", containsString("Ukraine"));
    }

    @Test
    void theRegionMustLieInTheCountryOfResidence() {
        Map<String, Object> body = individual();
        body.put("residenceSubdivision", "UA-43");
        problem(submit(body), 400, "/problems/validation-failed").body("errors.field", contains("residenceSubdivision"));
    }

    @Test
    void aNameWithControlCharactersOrTooLongIsNamed() {
        Map<String, Object> body = individual();
        body.put("fullLegalName", "Zoë\nŁukasiewicz");
        child(body, "idDocument").put("number", "X".repeat(41));
        problem(submit(body), 400, "/problems/validation-failed").body("errors.field", contains("fullLegalName", "idDocument.number"));
        body.put("fullLegalName", "Z".repeat(201));
        problem(submit(body), 400, "/problems/validation-failed").body("errors.field", hasItem("fullLegalName"));
    }

    @Test
    void anOverlongIdempotencyKeyIs400() {
        problem(given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(256)).body(individual()).when().post(PATH).then(),
                400, "/problems/bad-request");
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        problem(given().when().get("/api/v1/nothing-here").then(), 404, "/problems/not-found");
        problem(given().when().delete(PATH).then(), 405, "/problems/method-not-allowed");
        problem(given().when().get(PATH + "/not-a-uuid").then(), 404, "/problems/not-found");
    }

    @Test
    void askingForAnotherRepresentationIs406() {
        problem(given().contentType(ContentType.JSON).accept("application/xml").body(individual()).when().post(PATH).then(),
                406, "/problems/not-acceptable");
    }
}
