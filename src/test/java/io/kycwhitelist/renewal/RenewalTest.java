package io.kycwhitelist.renewal;

import static io.kycwhitelist.support.Applications.child;
import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.kycwhitelist.support.Reviews.whitelist;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.Eventually;
import io.kycwhitelist.support.Reviews;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A holder renews through the status link with a new identity document; a reviewer approves it. */
@QuarkusTest
class RenewalTest {

    static final String QUEUE = "/api/v1/review/renewals";

    @Inject
    AgroalDataSource dataSource;

    record Holder(String id, String token, String address) {}

    static Holder approvedHolder(Map<String, Object> body) {
        ExtractableResponse<Response> created = Applications.submit(body).statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("statusToken");
        Applications.proveWallets(id, token, body);
        Applications.upload(id, token, "identity", "image/png", Applications.png()).statusCode(200);
        Reviews.approve(id, Tokens.reviewer()).statusCode(200).body("status", equalTo("APPROVED"));
        String address = walletAddress(body, 0);
        Eventually.until("whitelisted", Duration.ofSeconds(10), () -> "ACTIVE".equals(whitelist(address).extract().path("status")));
        return new Holder(id, token, address);
    }

    static ValidatableResponse renew(Holder holder, String issuingCountry, LocalDate expiry) {
        Map<String, Object> document = new HashMap<>(Map.of("type", "PASSPORT", "number", "C01X00T99", "issuingCountry", issuingCountry,
                "expiryDate", expiry.toString()));
        return given().header("X-Status-Token", holder.token()).contentType(ContentType.JSON).body(Map.of("idDocument", document))
                .when().post(Applications.PATH + "/" + holder.id() + "/renewal").then();
    }

    static ValidatableResponse uploadRenewal(Holder holder, byte[] content) {
        return given().header("X-Status-Token", holder.token()).contentType("image/png").body(content)
                .when().put(Applications.PATH + "/" + holder.id() + "/renewal/document").then();
    }

    static ValidatableResponse decide(String renewalId, Map<String, String> decision) {
        return given().auth().oauth2(Tokens.reviewer("renewals@example.org")).contentType(ContentType.JSON).body(decision)
                .when().post(QUEUE + "/" + renewalId + "/decision").then();
    }

    @Test
    void anExpiredHolderIsActiveAgainUntilTheNewDocumentsExpiryOnceAReviewerApprovesTheRenewal() throws Exception {
        Map<String, Object> body = individual();
        child(body, "idDocument").put("expiryDate", LocalDate.now(ZoneOffset.UTC).plusDays(20).toString());
        Holder holder = approvedHolder(body);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE whitelist_entry SET expires_at = now() - interval '1 hour', change_seq = nextval('whitelist_change_seq') WHERE address_key = lower(?)")) {
            s.setString(1, holder.address());
            s.executeUpdate(); // the document expired in the meantime
        }
        Eventually.until("expired", Duration.ofSeconds(5), () -> "EXPIRED".equals(whitelist(holder.address()).extract().path("status")));

        LocalDate newExpiry = LocalDate.now(ZoneOffset.UTC).plusYears(5);
        String renewalId = renew(holder, "DE", newExpiry).statusCode(201)
                .body("status", equalTo("PENDING_DOCUMENT"))
                .body("idDocumentExpiry", equalTo(newExpiry.toString()))
                .body("$", not(org.hamcrest.Matchers.hasKey("number")))
                .extract().path("id");
        given().auth().oauth2(Tokens.reviewer()).when().get(QUEUE).then().statusCode(200).body("id", not(hasItem(renewalId)));
        byte[] copy = Applications.png();
        uploadRenewal(holder, copy).statusCode(200).body("status", equalTo("PENDING_REVIEW"));
        renew(holder, "DE", newExpiry.plusDays(1)).statusCode(409).body("detail", containsString("in review"));

        given().auth().oauth2(Tokens.reviewer()).when().get(QUEUE).then().statusCode(200).body("id", hasItem(renewalId));
        given().auth().oauth2(Tokens.reviewer()).when().get(QUEUE + "/" + renewalId).then().statusCode(200)
                .body("renewal.number", equalTo("C01X00T99"))
                .body("renewal.expiryDate", equalTo(newExpiry.toString()))
                .body("current.number", equalTo("C01X00T47"))
                .body("entries[0].status", equalTo("EXPIRED"));
        byte[] served = given().auth().oauth2(Tokens.reviewer()).when().get(QUEUE + "/" + renewalId + "/document")
                .then().statusCode(200).contentType("image/png").header("Cache-Control", "no-store").extract().asByteArray();
        assertArrayEquals(copy, served);
        decide(renewalId, Map.of("decision", "REJECT")).statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(Tokens.exchange()).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .when().post(QUEUE + "/" + renewalId + "/decision").then().statusCode(403);

        decide(renewalId, Map.of("decision", "APPROVE")).statusCode(200).body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("renewals@example.org"));
        String expiresAt = newExpiry.plusDays(1) + "T00:00:00Z";
        Eventually.until("whitelisted again", Duration.ofSeconds(10), () -> "ACTIVE".equals(whitelist(holder.address()).extract().path("status")));
        given().auth().oauth2(Tokens.admin()).queryParam("withinDays", 366).when().get("/api/v1/admin/whitelist/expiring").then()
                .statusCode(200).body("address", not(hasItem(holder.address())));
        given().header("X-Status-Token", holder.token()).when().get(Applications.PATH + "/" + holder.id() + "/renewal").then()
                .statusCode(200).body("status", equalTo("APPROVED"));
        decide(renewalId, Map.of("decision", "APPROVE")).statusCode(409);
        given().auth().oauth2(Tokens.admin()).queryParam("applicationId", holder.id()).when().get("/api/v1/admin/audit").then().statusCode(200)
                .body("action", hasItem("RENEWAL_REQUESTED"))
                .body("find { it.action == 'RENEWAL_APPROVED' }.detail", containsString(expiresAt));
    }

    @Test
    void aNewDocumentFromARestrictedCountryIsRefusedAtOnceAndStrangersSeeNothing() {
        Holder holder = approvedHolder(individual());
        renew(holder, "US", LocalDate.now(ZoneOffset.UTC).plusYears(5)).statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasons.code", hasItem("RESTRICTED_DOCUMENT_COUNTRY"));
        uploadRenewal(holder, Applications.png()).statusCode(409);
        renew(holder, "DE", LocalDate.parse("2031-08-31")).statusCode(409).body("detail", containsString("expire after"));
        given().header("X-Status-Token", "not-the-token").contentType(ContentType.JSON)
                .body(Map.of("idDocument", Map.of("type", "PASSPORT", "number", "X1", "issuingCountry", "DE", "expiryDate", "2040-01-01")))
                .when().post(Applications.PATH + "/" + holder.id() + "/renewal").then().statusCode(404);
        renew(holder, "XX", LocalDate.now(ZoneOffset.UTC).plusYears(5)).statusCode(400)
                .body("errors.field", hasItem("idDocument.issuingCountry"));
        whitelist(holder.address()).statusCode(200).body("status", equalTo("ACTIVE"));
    }
}
