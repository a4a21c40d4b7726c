package io.kycwhitelist.whitelist;

import static io.kycwhitelist.support.Applications.child;
import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.kycwhitelist.support.Reviews.approve;
import static io.kycwhitelist.support.Reviews.pendingReview;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.support.Eventually;
import io.kycwhitelist.support.Reviews;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admins see which entries expire soon, so that their holders can be asked to renew; the expiry job runs on one instance at a time. */
@QuarkusTest
class ExpiringEntriesTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ExpiryJob expiry;

    @Test
    void theExpiryJobWaitsWhileAnotherInstanceRunsIt() throws Exception {
        Map<String, Object> body = individual();
        approve(pendingReview(body), Tokens.reviewer()).statusCode(200);
        String address = walletAddress(body, 0);
        Eventually.until("whitelisted", Duration.ofSeconds(10), () -> "ACTIVE".equals(Reviews.whitelist(address).extract().path("status")));
        try (Connection other = dataSource.getConnection(); Statement s = other.createStatement()) {
            s.executeUpdate("UPDATE whitelist_entry SET expires_at = now() - interval '1 minute' WHERE address_key = '" + address.toLowerCase() + "'");
            // another instance's round of the job holds its lock
            s.execute("SELECT pg_advisory_lock(" + ExpiryJob.LOCK + ")");
            try {
                assertEquals(0, expiry.run(), "this instance leaves the round to the one holding the lock");
                given().auth().oauth2(Tokens.admin()).queryParam("address", address).queryParam("action", "EXPIRED").when()
                        .get("/api/v1/admin/audit").then().statusCode(200).body("$", hasSize(0));
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + ExpiryJob.LOCK + ")");
            }
        }
        assertTrue(expiry.run() >= 1, "once the lock is free, the job expires the entry");
        given().auth().oauth2(Tokens.admin()).queryParam("address", address).queryParam("action", "EXPIRED").when()
                .get("/api/v1/admin/audit").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void entriesExpiringWithinTheWindowAreListedSoonestFirst() {
        Map<String, Object> body = individual();
        child(body, "idDocument").put("expiryDate", LocalDate.now(ZoneOffset.UTC).plusDays(20).toString());
        approve(pendingReview(body), Tokens.reviewer()).statusCode(200);
        String address = walletAddress(body, 0);
        Eventually.until("listed within 30 days", Duration.ofSeconds(10), () -> given().auth().oauth2(Tokens.admin())
                .queryParam("withinDays", 30).when().get("/api/v1/admin/whitelist/expiring")
                .then().statusCode(200).extract().jsonPath().getList("address", String.class).contains(address));
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/whitelist/expiring").then().statusCode(200)
                .body("address", hasItem(address));
        given().auth().oauth2(Tokens.admin()).queryParam("withinDays", 10).when().get("/api/v1/admin/whitelist/expiring").then()
                .statusCode(200).body("address", not(hasItem(address)));
        given().auth().oauth2(Tokens.admin()).queryParam("withinDays", 0).when().get("/api/v1/admin/whitelist/expiring").then().statusCode(400);
        given().auth().oauth2(Tokens.reviewer()).when().get("/api/v1/admin/whitelist/expiring").then().statusCode(403);
    }
}
