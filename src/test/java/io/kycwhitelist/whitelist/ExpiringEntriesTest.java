package io.kycwhitelist.whitelist;

import static io.kycwhitelist.support.Applications.child;
import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.kycwhitelist.support.Reviews.approve;
import static io.kycwhitelist.support.Reviews.pendingReview;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.kycwhitelist.support.Eventually;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admins see which entries expire soon, so that their holders can be asked to renew. */
@QuarkusTest
class ExpiringEntriesTest {

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
