package io.kycwhitelist.security;

import static io.kycwhitelist.support.Applications.child;
import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.kycwhitelist.support.Reviews.approve;
import static io.kycwhitelist.support.Reviews.pendingReview;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.support.Eventually;
import io.kycwhitelist.support.Reviews;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Four eyes tells people apart by their stable identity (the token's issuer and subject), not by
 * the name the token displays: one person with two tokens under two names is one person; two
 * people who share a display name are two. A token minted for another client is refused.
 */
@QuarkusTest
class ReviewerIdentityTest {

    @Inject
    AgroalDataSource dataSource;

    static String flaggedInReview() {
        Map<String, Object> body = individual();
        child(body, "idDocument").put("issuingCountry", "AT"); // DOCUMENT_NATIONALITY_MISMATCH: four eyes
        return pendingReview(body);
    }

    @Test
    void oneSubjectUnderTwoNamesIsOneReviewer() {
        String id = flaggedInReview();
        approve(id, Tokens.of("reviewer", "u-4711", "alice@example.org")).statusCode(200).body("status", equalTo("PENDING_SECOND_APPROVAL"));
        approve(id, Tokens.of("reviewer", "u-4711", "Alice Smith")).statusCode(403)
                .body("type", equalTo("/problems/forbidden")).body("detail", containsString("four eyes"));
        // another person, whatever name their token shows
        approve(id, Tokens.of("reviewer", "u-0815", "alice@example.org")).statusCode(200).body("status", equalTo("APPROVED"))
                .body("decisions.reviewer", contains("alice@example.org", "alice@example.org"));
    }

    @Test
    void aTokenWithoutASubjectCannotDecide() {
        String id = flaggedInReview();
        approve(id, Tokens.withoutSubject("reviewer")).statusCode(403).body("detail", containsString("subject"));
    }

    @Test
    void aTokenMintedForAnotherClientIsRefused() {
        given().auth().oauth2(Tokens.otherAudience("reviewer")).when().get(Reviews.REVIEW).then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("/problems/unauthorized"));
        given().auth().oauth2(Tokens.otherAudience("exchange")).when().get("/api/v1/transfer-restrictions/codes").then().statusCode(401);
        given().auth().oauth2(Tokens.reviewer()).when().get(Reviews.REVIEW).then().statusCode(200);
    }

    @Test
    void aReinstatementIsConfirmedByAnotherPersonNotAnotherName() throws Exception {
        Map<String, Object> body = individual();
        approve(pendingReview(body), Tokens.reviewer()).statusCode(200);
        String wallet = walletAddress(body, 0);
        Eventually.until("whitelisted", Duration.ofSeconds(10), () -> "ACTIVE".equals(Reviews.whitelist(wallet).extract().path("status")));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE whitelist_entry SET status = 'SUSPENDED', change_seq = nextval('whitelist_change_seq') WHERE address_key = lower(?)")) {
            s.setString(1, wallet);
            assertEquals(1, s.executeUpdate()); // as a re-screening leaves it
        }
        reinstate(wallet, Tokens.of("admin", "u-admin-1", "officer@example.org")).statusCode(202);
        reinstate(wallet, Tokens.of("admin", "u-admin-1", "Olivia Officer")).statusCode(409).body("detail", containsString("four eyes"));
        reinstate(wallet, Tokens.of("admin", "u-admin-2", "officer@example.org")).statusCode(200).body("status", equalTo("ACTIVE"));
    }

    static io.restassured.response.ValidatableResponse reinstate(String wallet, String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "the match is another person"))
                .when().post("/api/v1/admin/whitelist/" + wallet + "/reinstatement").then();
    }
}
