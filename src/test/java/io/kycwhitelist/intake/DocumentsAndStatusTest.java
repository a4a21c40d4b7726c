package io.kycwhitelist.intake;

import static io.kycwhitelist.support.Applications.PATH;
import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.png;
import static io.kycwhitelist.support.Applications.status;
import static io.kycwhitelist.support.Applications.submit;
import static io.kycwhitelist.support.Applications.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.kycwhitelist.support.Applications;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The applicant's side after submitting: uploading documents and following the status. */
@QuarkusTest
class DocumentsAndStatusTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    @BeforeAll
    static void readableFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    record Created(String id, String token, Map<String, Object> body) {}

    static Created create(Map<String, Object> body) {
        ExtractableResponse<Response> r = submit(body).statusCode(201).extract();
        return new Created(r.path("id"), r.path("statusToken"), body);
    }

    /** Submitted with its wallets proven: the documents are all it still needs. */
    static Created createProven(Map<String, Object> body) {
        Created app = create(body);
        Applications.proveWallets(app.id(), app.token(), body);
        return app;
    }

    @Test
    void theIdentityDocumentAndTheWalletProofCompleteAnOrdinaryApplication() {
        Map<String, Object> body = individual();
        Created app = create(body);
        status(app.id(), app.token()).statusCode(200)
                .body("status", equalTo("PENDING_DOCUMENT"))
                .body("missingDocuments", contains("identity"))
                .body("unprovenWallets", contains(Applications.walletAddress(body, 0)));
        upload(app.id(), app.token(), "identity", "image/png", png()).statusCode(200)
                .body("status", equalTo("PENDING_DOCUMENT"))
                .body("missingDocuments", empty())
                .body("unprovenWallets", contains(Applications.walletAddress(body, 0)));
        Applications.proveWallets(app.id(), app.token(), body);
        status(app.id(), app.token()).statusCode(200)
                .body("status", equalTo("IN_REVIEW"))
                .body("missingDocuments", empty())
                .body("unprovenWallets", empty());
    }

    @Test
    void aProfessionalInvestorNeedsEvidenceToo() {
        Map<String, Object> body = individual();
        body.put("countryOfResidence", "HK");
        body.put("professionalInvestor", true);
        Created app = createProven(body);
        upload(app.id(), app.token(), "identity", "application/pdf", PDF).statusCode(200)
                .body("status", equalTo("PENDING_DOCUMENT"))
                .body("missingDocuments", contains("professional-investor-evidence"));
        upload(app.id(), app.token(), "professional-investor-evidence", "image/jpeg", JPEG).statusCode(200)
                .body("status", equalTo("IN_REVIEW"));
    }

    @Test
    void evidenceIsRefusedWhenTheApplicationNeedsNone() {
        Created app = create(individual());
        upload(app.id(), app.token(), "professional-investor-evidence", "application/pdf", PDF).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/application-state-conflict"));
    }

    @Test
    void aDocumentWhoseBytesDoNotMatchItsTypeIs415() {
        Created app = create(individual());
        upload(app.id(), app.token(), "identity", "image/jpeg", png()).statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unsupported-media-type"))
                .body("detail", containsString("image/jpeg"));
        upload(app.id(), app.token(), "identity", "application/pdf", "hello".getBytes(StandardCharsets.US_ASCII)).statusCode(415);
        status(app.id(), app.token()).body("status", equalTo("PENDING_DOCUMENT"));
    }

    @Test
    void anotherMediaTypeIs415() {
        Created app = create(individual());
        upload(app.id(), app.token(), "identity", "image/gif", "GIF89a".getBytes(StandardCharsets.US_ASCII)).statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aDocumentOver10MibIs413AndOneOfExactly10MibIsTaken() {
        Created app = createProven(individual());
        byte[] tooLarge = Arrays.copyOf(png(), 10 * 1024 * 1024 + 1);
        upload(app.id(), app.token(), "identity", "image/png", tooLarge).statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/payload-too-large"));
        byte[] largest = Arrays.copyOf(png(), 10 * 1024 * 1024);
        upload(app.id(), app.token(), "identity", "image/png", largest).statusCode(200).body("status", equalTo("IN_REVIEW"));
    }

    @Test
    void anEmptyDocumentIs400() {
        Created app = create(individual());
        upload(app.id(), app.token(), "identity", "image/png", new byte[0]).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aRejectedApplicationTakesNoDocuments() {
        Map<String, Object> body = individual();
        body.put("countryOfResidence", "KP");
        Created app = create(body);
        upload(app.id(), app.token(), "identity", "image/png", png()).statusCode(409)
                .body("type", equalTo("/problems/application-state-conflict"));
    }

    @Test
    void documentsCannotBeChangedOnceInReview() {
        Created app = createProven(individual());
        upload(app.id(), app.token(), "identity", "image/png", png()).statusCode(200);
        upload(app.id(), app.token(), "identity", "application/pdf", PDF).statusCode(409);
    }

    @Test
    void anUnknownDocumentKindIs404() {
        Created app = create(individual());
        upload(app.id(), app.token(), "selfie", "image/png", png()).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnknownIdAndAWrongTokenAnswerTheSame404() {
        Created app = create(individual());
        String wrongToken = status(app.id(), "not-the-token").statusCode(404).contentType("application/problem+json").extract().body().asString();
        String unknownId = status(UUID.randomUUID().toString(), app.token()).statusCode(404).extract().body().asString();
        org.junit.jupiter.api.Assertions.assertEquals(wrongToken, unknownId);
        upload(app.id(), "not-the-token", "identity", "image/png", png()).statusCode(404);
    }

    @Test
    void aMissingTokenIs400NamingTheHeader() {
        Created app = create(individual());
        given().when().get(PATH + "/" + app.id()).then().statusCode(400).body("detail", containsString("X-Status-Token"));
    }

    @Test
    void theStatusCarriesNoPersonalData() {
        Map<String, Object> body = individual();
        body.put("countryOfResidence", "US");
        Created app = create(body);
        status(app.id(), app.token()).statusCode(200)
                .body("id", equalTo(app.id()))
                .body("status", equalTo("REJECTED"))
                .body("reasons[0].code", equalTo("RESTRICTED_RESIDENCE"))
                .body("policyVersion", equalTo("2026-11-22.1"))
                .body("createdAt", notNullValue())
                .body("$", not(org.hamcrest.Matchers.hasKey("updatedAt"))) // it would move with what reviewers do
                .body(not(containsString("Łukasiewicz")))
                .body(not(containsString("applicant@example.org")))
                .body(not(containsString("C01X00T47")))
                .body(not(containsString("1990-04-12")))
                .body(not(containsString("statusToken")));
    }

    @Test
    void uploadsAndDecisionsLeaveAnAuditTrailWithoutPersonalData() {
        Created app = createProven(individual());
        upload(app.id(), app.token(), "identity", "image/png", png()).statusCode(200);
        List<String> actions = io.kycwhitelist.audit.AuditEvent.<io.kycwhitelist.audit.AuditEvent>list("applicationId = ?1 order by id", UUID.fromString(app.id()))
                .stream().map(e -> e.action + "/" + e.actor + "/" + e.policyVersion).toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(
                "SUBMITTED/applicant/2026-11-22.1", "SANCTIONS_SCREENED/system/2026-11-22.1", "WALLET_PROVEN/applicant/2026-11-22.1", "DOCUMENT_UPLOADED/applicant/2026-11-22.1",
                "READY_FOR_REVIEW/system/2026-11-22.1"), actions);
    }
}
