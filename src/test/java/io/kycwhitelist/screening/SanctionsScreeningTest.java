package io.kycwhitelist.screening;

import static io.kycwhitelist.support.Applications.child;
import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.organization;
import static io.kycwhitelist.support.Applications.setWallets;
import static io.kycwhitelist.support.Applications.submit;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.kycwhitelist.support.Reviews.REVIEW;
import static io.kycwhitelist.support.Reviews.approve;
import static io.kycwhitelist.support.Reviews.pendingReview;
import static io.kycwhitelist.support.Reviews.view;
import static io.kycwhitelist.support.Reviews.whitelist;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.Eventually;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every application is screened: listed names go to four-eyes review with their evidence, listed wallets are refused. */
@QuarkusTest
class SanctionsScreeningTest {

    static final String ALICE = Tokens.reviewer("alice@example.org");
    static final String BOB = Tokens.reviewer("bob@example.org");
    /** On OFAC's list of sanctioned Ethereum addresses (sanctioned_addresses_ETH.txt). */
    static final String LISTED_WALLET = "0x01e2919679362dFBC9ee1644Ba9C6da6D6245BB1";

    @BeforeAll
    static void readableFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** OFAC SDN entry 25308, "YAN, Xiaobing", DOB 25 Mar 1977, applying with a German passport. */
    static Map<String, Object> listedPerson() {
        Map<String, Object> body = individual();
        body.put("fullLegalName", "Xiaobing Yan");
        body.put("dateOfBirth", "1977-03-25");
        return body;
    }

    static ValidatableResponse dismiss(String id, String hitId, String token, String etag, String reason) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(reason == null ? Map.of() : Map.of("reason", reason));
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.when().post(REVIEW + "/" + id + "/sanctions-hits/" + hitId + "/dismissal").then();
    }

    @Test
    void aListedPersonIsFlaggedWithTheEntryAsEvidenceButTheApplicantIsNotTold() {
        Map<String, Object> body = listedPerson();
        ExtractableResponse<Response> created = submit(body).statusCode(201)
                .body("status", equalTo("PENDING_DOCUMENT"))
                .body("$", not(org.hamcrest.Matchers.hasKey("flags")))
                .extract();
        Applications.status(created.path("id"), created.path("statusToken")).statusCode(200)
                .body("$", not(org.hamcrest.Matchers.hasKey("flags")));

        String id = pendingReview(listedPerson());
        given().auth().oauth2(ALICE).when().get(REVIEW + "/" + id).then().statusCode(200)
                .body("flags", hasItem("SANCTIONS_POTENTIAL_MATCH"))
                .body("approvalsRequired", equalTo(2))
                .body("sanctions.lists.list", contains("OFAC_SDN", "UN_CONSOLIDATED", "OFAC_DIGITAL_CURRENCY_ADDRESSES"))
                .body("sanctions.lists.sha256", everyItem(notNullValue()))
                .body("sanctions.lists[1].asOf", equalTo("2026-02-27T00:00:09.554Z"))
                .body("sanctions.hits", hasSize(1))
                .body("sanctions.hits[0].subject", equalTo("PERSON"))
                .body("sanctions.hits[0].screened", equalTo("Xiaobing Yan"))
                .body("sanctions.hits[0].list", equalTo("OFAC_SDN"))
                .body("sanctions.hits[0].entryId", equalTo("25308"))
                .body("sanctions.hits[0].matchedName", equalTo("Xiaobing YAN"))
                .body("sanctions.hits[0].score", greaterThanOrEqualTo(0.88f))
                .body("sanctions.hits[0].why", hasItem("same date of birth"))
                .body("sanctions.hits[0].entry.type", equalTo("INDIVIDUAL"))
                .body("sanctions.hits[0].entry.birthDates", contains("1977-03-25"))
                .body("sanctions.hits[0].entry.programs", hasItem("SDNTK"))
                .body("sanctions.hits[0].entry.remarks", containsString("Wuhan"));
    }

    @Test
    void aHitBlocksApprovalUntilAReviewerDismissesItWithAReasonAndTwoReviewersApprove() {
        String id = pendingReview(listedPerson());
        ExtractableResponse<Response> seen = view(id, ALICE);
        String hit = seen.path("sanctions.hits[0].id");

        approve(id, ALICE).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/sanctions-hits-open"))
                .body("detail", containsString("Dismiss each false positive"));
        dismiss(id, hit, ALICE, null, "not him").statusCode(428);
        dismiss(id, hit, ALICE, seen.header("ETag"), "  ").statusCode(400).body("errors.field", contains("reason"));
        dismiss(id, hit, ALICE, seen.header("ETag"), null).statusCode(400).body("errors.field", contains("reason"));
        dismiss(id, "00000000-0000-0000-0000-000000000000", ALICE, seen.header("ETag"), "x").statusCode(404);
        dismiss(id, hit, Tokens.exchange(), seen.header("ETag"), "x").statusCode(403);

        String reason = "Listed person born in Wuhan; the applicant's passport shows Hamburg and another face.";
        ExtractableResponse<Response> dismissed = dismiss(id, hit, ALICE, seen.header("ETag"), reason).statusCode(200)
                .body("sanctions.hits[0].dismissedBy", equalTo("alice@example.org"))
                .body("sanctions.hits[0].dismissalReason", equalTo(reason))
                .body("sanctions.hits[0].dismissedAt", notNullValue())
                .extract();
        assertNotEquals(seen.header("ETag"), dismissed.header("ETag"), "a dismissal is a new version of the application");
        dismiss(id, hit, ALICE, dismissed.header("ETag"), reason).statusCode(409);

        given().auth().oauth2(Tokens.admin()).queryParam("applicationId", id).when().get("/api/v1/admin/audit").then().statusCode(200)
                .body("findAll { it.action == 'SANCTIONS_HIT_DISMISSED' }.actor", contains("alice@example.org"))
                .body("findAll { it.action == 'SANCTIONS_HIT_DISMISSED' }[0].detail", containsString("OFAC_SDN/25308"))
                .body("findAll { it.action == 'SANCTIONS_HIT_DISMISSED' }[0].detail", containsString(reason))
                .body("findAll { it.action == 'SANCTIONS_SCREENED' }.detail", hasItem(containsString("nameHits=1")));

        approve(id, ALICE).statusCode(200).body("status", equalTo("PENDING_SECOND_APPROVAL"));
        approve(id, ALICE).statusCode(403);
        approve(id, BOB).statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void aCleanApplicantIsScreenedAndNotFlagged() {
        String id = pendingReview(individual());
        given().auth().oauth2(ALICE).when().get(REVIEW + "/" + id).then().statusCode(200)
                .body("flags", empty())
                .body("approvalsRequired", equalTo(1))
                .body("sanctions.screenedAt", notNullValue())
                .body("sanctions.threshold", equalTo(0.88f))
                .body("sanctions.lists", hasSize(3))
                .body("sanctions.hits", empty());
        given().auth().oauth2(Tokens.admin()).queryParam("applicationId", id).when().get("/api/v1/admin/audit").then().statusCode(200)
                .body("findAll { it.action == 'SANCTIONS_SCREENED' }.detail", contains(containsString("nameHits=0 walletHits=0")));
    }

    @Test
    void aListedOrganisationIsFlaggedAsTheOrganisation() {
        Map<String, Object> body = organization();
        body.put("legalName", "Banco Nacional de Cuba S.A.");
        String id = pendingReview(body);
        given().auth().oauth2(ALICE).when().get(REVIEW + "/" + id).then().statusCode(200)
                .body("flags", hasItem("SANCTIONS_POTENTIAL_MATCH"))
                .body("sanctions.hits.subject", everyItem(equalTo("ORGANISATION")))
                .body("sanctions.hits.entryId", hasItem("306"));
    }

    @Test
    void aListedRepresentativeIsFlaggedAsTheRepresentative() {
        Map<String, Object> body = organization();
        child(body, "representative").put("fullLegalName", "YAN, Xiaobing");
        child(body, "representative").put("dateOfBirth", "1977-03-25");
        String id = pendingReview(body);
        given().auth().oauth2(ALICE).when().get(REVIEW + "/" + id).then().statusCode(200)
                .body("sanctions.hits.subject", contains("REPRESENTATIVE"))
                .body("sanctions.hits[0].entryId", equalTo("25308"));
    }

    @Test
    void aListedWalletInAnyCaseIsRejectedAndNeverWhitelisted() {
        Map<String, Object> body = individual();
        setWallets(body, Applications.freshAddress(), LISTED_WALLET.toLowerCase());
        ExtractableResponse<Response> created = submit(body).statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasons.code", contains("SANCTIONED_WALLET"))
                .body("reasons[0].message", containsString(LISTED_WALLET))
                .extract();
        String id = created.path("id");
        given().auth().oauth2(ALICE).when().get(REVIEW + "/" + id).then().statusCode(200)
                .body("sanctions.hits.subject", contains("WALLET"))
                .body("sanctions.hits[0].matchedName", equalTo(LISTED_WALLET));

        for (String spelling : List.of(LISTED_WALLET, LISTED_WALLET.toLowerCase(), "0x" + LISTED_WALLET.substring(2).toUpperCase())) {
            whitelist(spelling).statusCode(200).body("whitelisted", equalTo(false)).body("status", equalTo("SANCTIONED"));
        }
        // the other wallet of the rejected application is free again
        String other = walletAddress(body, 0);
        Map<String, Object> again = individual();
        setWallets(again, other);
        submit(again).statusCode(201).body("status", equalTo("PENDING_DOCUMENT"));
    }

    @Test
    void transfersToOrFromAListedWalletAreRestrictedWithTheirOwnCodes() {
        String clean = Applications.freshAddress();
        given().auth().oauth2(Tokens.exchange()).queryParam("from", LISTED_WALLET).queryParam("to", clean)
                .when().get("/api/v1/transfer-restrictions").then().statusCode(200)
                .body("code", equalTo(7)).body("name", equalTo("SENDER_SANCTIONED"));
        Map<String, Object> body = individual();
        String id = pendingReview(body);
        approve(id, ALICE).statusCode(200).body("status", equalTo("APPROVED"));
        String approved = walletAddress(body, 0);
        awaitActive(approved);
        given().auth().oauth2(Tokens.exchange()).queryParam("from", approved).queryParam("to", LISTED_WALLET)
                .when().get("/api/v1/transfer-restrictions").then().statusCode(200)
                .body("code", equalTo(8)).body("name", equalTo("RECIPIENT_SANCTIONED"));
    }

    static void awaitActive(String address) {
        Eventually.until(address + " is ACTIVE", Duration.ofSeconds(10),
                () -> "ACTIVE".equals(whitelist(address).statusCode(200).extract().path("status")));
    }
}
