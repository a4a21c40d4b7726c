package io.kycwhitelist.exchange;

import static io.kycwhitelist.support.Applications.freshAddress;
import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.kycwhitelist.support.Reviews.approve;
import static io.kycwhitelist.support.Reviews.pendingReview;
import static io.kycwhitelist.support.Reviews.whitelist;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.kycwhitelist.support.Tokens;
import io.kycwhitelist.whitelist.ExpiryJob;
import io.kycwhitelist.whitelist.WhitelistReplica;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What exchanges see before a withdrawal, and what admins do to the whitelist. */
@QuarkusTest
class ExchangeApiTest {

    static final String ALICE = Tokens.reviewer("alice@example.org");

    @Inject
    EntityManager em;

    @Inject
    WhitelistReplica replica;

    @Inject
    ExpiryJob expiry;

    String whitelisted() {
        Map<String, Object> body = individual();
        approve(pendingReview(body), ALICE).statusCode(200);
        return walletAddress(body, 0);
    }

    @Test
    void anUnknownAddressIsNotListedAndAMalformedOneIs400() {
        String unknown = freshAddress();
        whitelist(unknown).statusCode(200)
                .body("address", equalTo(unknown))
                .body("chain", equalTo("ETHEREUM"))
                .body("whitelisted", equalTo(false))
                .body("status", equalTo("NOT_LISTED"))
                .body("since", nullValue());
        whitelist("0x1234").statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("address"));
        whitelist("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD").statusCode(400);
    }

    @Test
    void theCaseOfTheAddressDoesNotMatterAndTheAnswerIsChecksummed() {
        String address = whitelisted();
        for (String asked : List.of(address, address.toLowerCase(), "0x" + address.substring(2).toUpperCase(), "0X" + address.substring(2).toUpperCase())) {
            whitelist(asked).statusCode(200)
                    .body("address", equalTo(address))
                    .body("whitelisted", equalTo(true))
                    .body("status", equalTo("ACTIVE"))
                    .body("since", notNullValue());
        }
    }

    @Test
    void aRevokedAddressIsRefused() {
        String address = whitelisted();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "Holder turned out to be a U.S. person."))
                .when().post("/api/v1/admin/whitelist/" + address.toLowerCase() + "/revoke").then().statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("address", equalTo(address))
                .body("reason", equalTo("Holder turned out to be a U.S. person."));
        whitelist(address).statusCode(200).body("whitelisted", equalTo(false)).body("status", equalTo("REVOKED"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .when().post("/api/v1/admin/whitelist/" + address + "/revoke").then().statusCode(409);
    }

    @Test
    void revokingAnAddressNotListedIs404AndNeedsAReason() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/api/v1/admin/whitelist/" + freshAddress() + "/revoke").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .when().post("/api/v1/admin/whitelist/" + freshAddress() + "/revoke").then().statusCode(400).body("errors[0].field", equalTo("reason"));
    }

    @Test
    void anEntryPastItsExpiryAnswersExpired() {
        String address = whitelisted();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE whitelist_entry SET expires_at = now() - interval '1 day', change_seq = nextval('whitelist_change_seq') WHERE address_key = ?1")
                .setParameter(1, address.toLowerCase()).executeUpdate());
        replica.refresh();
        whitelist(address).statusCode(200).body("whitelisted", equalTo(false)).body("status", equalTo("EXPIRED"));
    }

    @Test
    void theExpiryJobRecordsAndPublishesTheExpiry() {
        Map<String, Object> body = individual();
        String id = pendingReview(body);
        approve(id, ALICE).statusCode(200);
        String address = walletAddress(body, 0);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE whitelist_entry SET expires_at = now() - interval '1 minute' WHERE address_key = ?1")
                .setParameter(1, address.toLowerCase()).executeUpdate());
        expiry.run();
        whitelist(address).statusCode(200).body("status", equalTo("EXPIRED")).body("whitelisted", equalTo(false));
        given().auth().oauth2(Tokens.admin()).queryParam("address", address).when().get("/api/v1/admin/audit").then().statusCode(200)
                .body("action", contains("WALLET_PROVEN", "PUBLISHED", "EXPIRED", "PUBLISHED"))
                .body("actor[2]", equalTo("system"));
        org.junit.jupiter.api.Assertions.assertEquals(0, expiry.run(), "an expired entry is expired once");
    }

    @Test
    void aBatchIsAnsweredInTheOrderAsked() {
        String listed = whitelisted();
        String unknown = freshAddress();
        given().auth().oauth2(Tokens.exchange()).contentType(ContentType.JSON).body(Map.of("addresses", List.of(unknown, listed.toLowerCase(), unknown)))
                .when().post("/api/v1/whitelist/check").then().statusCode(200)
                .body("results.status", contains("NOT_LISTED", "ACTIVE", "NOT_LISTED"))
                .body("results[1].address", equalTo(listed));
    }

    @Test
    void aBatchOfMoreThan1000OrWithAMalformedAddressIs400() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(freshAddress());
        }
        given().auth().oauth2(Tokens.exchange()).contentType(ContentType.JSON).body(Map.of("addresses", many))
                .when().post("/api/v1/whitelist/check").then().statusCode(400).body("errors[0].field", equalTo("addresses"));
        given().auth().oauth2(Tokens.exchange()).contentType(ContentType.JSON).body(Map.of("addresses", many.subList(0, 1000)))
                .when().post("/api/v1/whitelist/check").then().statusCode(200).body("results", hasSize(1000));
        given().auth().oauth2(Tokens.exchange()).contentType(ContentType.JSON).body(Map.of("addresses", List.of(freshAddress(), "0xnope")))
                .when().post("/api/v1/whitelist/check").then().statusCode(400).body("errors.field", contains("addresses[1]"));
    }

    @Test
    void transferRestrictionsCheckTheSenderFirst() {
        String active = whitelisted();
        String revoked = whitelisted();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "test"))
                .when().post("/api/v1/admin/whitelist/" + revoked + "/revoke").then().statusCode(200);
        String unknown = freshAddress();
        restriction(active, active, 0, "SUCCESS");
        restriction(unknown, active, 1, "SENDER_NOT_WHITELISTED");
        restriction(active, unknown, 2, "RECIPIENT_NOT_WHITELISTED");
        restriction(revoked, unknown, 3, "SENDER_REVOKED");
        restriction(active, revoked, 4, "RECIPIENT_REVOKED");
        restriction(unknown, revoked, 1, "SENDER_NOT_WHITELISTED");
        given().auth().oauth2(Tokens.exchange()).queryParam("from", "0x12").when().get("/api/v1/transfer-restrictions").then()
                .statusCode(400).body("errors.field", contains("from", "to"));
    }

    private static void restriction(String from, String to, int code, String name) {
        given().auth().oauth2(Tokens.exchange()).queryParam("from", from).queryParam("to", to)
                .when().get("/api/v1/transfer-restrictions").then().statusCode(200)
                .body("code", equalTo(code)).body("name", equalTo(name)).body("message", notNullValue());
    }

    @Test
    void theCodeTableListsEveryCodeInOrder() {
        given().auth().oauth2(Tokens.exchange()).when().get("/api/v1/transfer-restrictions/codes").then().statusCode(200)
                .body("code", contains(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
                .body("name", contains("SUCCESS", "SENDER_NOT_WHITELISTED", "RECIPIENT_NOT_WHITELISTED", "SENDER_REVOKED",
                        "RECIPIENT_REVOKED", "SENDER_EXPIRED", "RECIPIENT_EXPIRED", "SENDER_SANCTIONED", "RECIPIENT_SANCTIONED",
                        "SENDER_SUSPENDED", "RECIPIENT_SUSPENDED"));
    }
}
