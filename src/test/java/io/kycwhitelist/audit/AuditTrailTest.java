package io.kycwhitelist.audit;

import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.kycwhitelist.support.Reviews.approve;
import static io.kycwhitelist.support.Reviews.pendingReview;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycwhitelist.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who decided what, when, under which policy: kept, and kept unchanged. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    EntityManager em;

    @Test
    void anApplicationsWholeHistoryIsRecordedWithActorsAndPolicyVersion() {
        Map<String, Object> body = individual();
        String id = pendingReview(body);
        approve(id, Tokens.reviewer("alice@example.org")).statusCode(200);
        String address = walletAddress(body, 0);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "Sanctions list hit."))
                .when().post("/api/v1/admin/whitelist/" + address + "/revoke").then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).queryParam("applicationId", id).when().get("/api/v1/admin/audit").then().statusCode(200)
                .body("action", contains("SUBMITTED", "SANCTIONS_SCREENED", "WALLET_PROVEN", "DOCUMENT_UPLOADED", "READY_FOR_REVIEW", "APPROVED",
                        "PUBLISHED", "REVOKED", "PUBLISHED"))
                .body("actor", contains("applicant", "system", "applicant", "applicant", "system", "alice@example.org", "system",
                        "officer@example.org", "system"))
                .body("[5].policyVersion", equalTo("2026-11-22.1"))
                .body("[7].detail", equalTo("Sanctions list hit."));
        given().auth().oauth2(Tokens.admin()).queryParam("address", address.toLowerCase()).when().get("/api/v1/admin/audit").then().statusCode(200)
                .body("action", contains("WALLET_PROVEN", "PUBLISHED", "REVOKED", "PUBLISHED"))
                .body("address", everyItem(equalTo(address)));
    }

    @Test
    void aRejectionByTheReviewerIsRecordedWithItsReason() {
        String id = pendingReview(individual());
        String token = Tokens.reviewer("carol@example.org");
        String etag = io.kycwhitelist.support.Reviews.view(id, token).header("ETag");
        io.kycwhitelist.support.Reviews.decide(id, token, etag, "REJECT", "Document is a photocopy of a photocopy.").statusCode(200);
        given().auth().oauth2(Tokens.admin()).queryParam("applicationId", id).when().get("/api/v1/admin/audit").then()
                .body("action[5]", equalTo("REJECTED"))
                .body("actor[5]", equalTo("carol@example.org"))
                .body("detail[5]", equalTo("Document is a photocopy of a photocopy."));
    }

    @Test
    void theAuditQueryNeedsAnApplicationOrAnAddress() {
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/audit").then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).queryParam("address", "0x12").when().get("/api/v1/admin/audit").then().statusCode(400);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTheTrail() {
        pendingReview(individual());
        for (String sql : new String[] {"UPDATE audit_event SET actor = 'someone else'", "DELETE FROM audit_event", "TRUNCATE audit_event"}) {
            Exception refused = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate()));
            Throwable root = refused;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(root.getMessage().contains("append-only"), sql + ": " + root.getMessage());
        }
    }
}
