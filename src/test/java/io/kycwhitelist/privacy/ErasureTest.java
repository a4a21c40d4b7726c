package io.kycwhitelist.privacy;

import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.kycwhitelist.support.Reviews.REVIEW;
import static io.kycwhitelist.support.Reviews.approve;
import static io.kycwhitelist.support.Reviews.pendingReview;
import static io.kycwhitelist.support.Reviews.whitelist;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.intake.service.Erasure;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Personal data is erased on request or after the retention period; decisions, audit and whitelist stay. */
@QuarkusTest
class ErasureTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Erasure erasure;

    static io.restassured.response.ValidatableResponse erase(String id, String reason) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(reason == null ? Map.of() : Map.of("reason", reason))
                .when().post("/api/v1/admin/applications/" + id + "/erasure").then();
    }

    @Test
    void onRequestTheIdentityAndDocumentsGoTheDecisionsAuditAndWhitelistStay() throws Exception {
        Map<String, Object> body = individual();
        String name = "Erasable " + UUID.randomUUID().toString().substring(0, 8);
        body.put("fullLegalName", name);
        String id = pendingReview(body);
        erase(id, "applicant's request").statusCode(409).body("detail", containsString("awaits a decision"));
        approve(id, Tokens.reviewer("alice@example.org")).statusCode(200);

        erase(id, " ").statusCode(400);
        erase(id, "Erasure request of the applicant, ticket 4711.").statusCode(204);
        erase(id, "again").statusCode(409);
        erase(UUID.randomUUID().toString(), "no such").statusCode(404);

        String hash = erasure.nameHash(name);
        given().auth().oauth2(Tokens.reviewer()).when().get(REVIEW + "/" + id).then().statusCode(200)
                .body("person.fullLegalName", equalTo(hash))
                .body("person.fullLegalName", startsWith("hmac-sha256:"))
                .body("person.dateOfBirth", nullValue())
                .body("person.idDocument.number", nullValue())
                .body("email", equalTo("erased"))
                .body("documents.size()", equalTo(0))
                .body("erasedAt", notNullValue())
                .body("decisions.reviewer", contains("alice@example.org"));
        given().auth().oauth2(Tokens.reviewer()).when().get(REVIEW + "/" + id + "/documents/identity").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).queryParam("applicationId", id).when().get("/api/v1/admin/audit").then().statusCode(200)
                .body("action", hasItem("APPROVED"))
                .body("find { it.action == 'PERSONAL_DATA_ERASED' }.detail", containsString("ticket 4711"))
                .body("find { it.action == 'PERSONAL_DATA_ERASED' }.actor", equalTo("officer@example.org"));
        whitelist(walletAddress(body, 0)).statusCode(200).body("status", equalTo("ACTIVE"));
        assertEquals(hash, erasure.nameHash("  " + name.toUpperCase() + " "), "the same name gives the same hash");

        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT a::text, (SELECT count(*) FROM application_document d WHERE d.application_id = a.id) FROM application a WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertFalse(r.getString(1).contains(name), "the name is gone from the row");
                assertEquals(0, r.getInt(2));
            }
        }
    }

    @Test
    void applicationsPastTheRetentionPeriodAreErasedByTheService() throws Exception {
        Map<String, Object> rejectedLongAgo = individual();
        rejectedLongAgo.put("citizenships", new java.util.ArrayList<>(java.util.List.of("US")));
        String old = io.kycwhitelist.support.Applications.submit(rejectedLongAgo).statusCode(201).extract().path("id");
        String recent = io.kycwhitelist.support.Applications.submit(rejectedLongAgo).statusCode(201).extract().path("id");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE application SET updated_at = now() - interval '6 years' WHERE id = ?")) {
            s.setObject(1, UUID.fromString(old));
            assertEquals(1, s.executeUpdate());
        }
        assertTrue(erasure.erasePastRetention(Instant.now()) >= 1);
        given().auth().oauth2(Tokens.reviewer()).when().get(REVIEW + "/" + old).then().body("erasedAt", notNullValue());
        given().auth().oauth2(Tokens.reviewer()).when().get(REVIEW + "/" + recent).then().body("erasedAt", nullValue());
        given().auth().oauth2(Tokens.admin()).queryParam("applicationId", old).when().get("/api/v1/admin/audit").then()
                .body("find { it.action == 'PERSONAL_DATA_ERASED' }.actor", equalTo("system"))
                .body("find { it.action == 'PERSONAL_DATA_ERASED' }.detail", containsString("retention period of 1825 days"));
    }
}
