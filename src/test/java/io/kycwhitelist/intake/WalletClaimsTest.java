package io.kycwhitelist.intake;

import static io.kycwhitelist.support.Applications.challenge;
import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.prove;
import static io.kycwhitelist.support.Applications.sign;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.kycwhitelist.support.Reviews.REVIEW;
import static io.kycwhitelist.support.Reviews.whitelist;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.intake.service.ApplicationExpiry;
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
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Naming a wallet holds nothing: an application holds an address once its applicant proves control
 * of it, open applications that are never completed expire, and admins and erasure release claims.
 * Nobody can block somebody else's wallet by typing it into an application.
 */
@QuarkusTest
class WalletClaimsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ApplicationExpiry expiry;

    record Created(String id, String token, Map<String, Object> body) {}

    static Created create(Map<String, Object> body) {
        ExtractableResponse<Response> created = Applications.submit(body).statusCode(201).extract();
        return new Created(created.path("id"), created.path("statusToken"), body);
    }

    static ValidatableResponse release(String address, String reason, String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(reason == null ? Map.of() : Map.of("reason", reason))
                .when().post("/api/v1/admin/wallet-claims/" + address + "/release").then();
    }

    static void proveAndUpload(Created c) {
        Applications.proveWallets(c.id(), c.token(), c.body());
        Applications.upload(c.id(), c.token(), "identity", "image/png", Applications.png()).statusCode(200);
    }

    @Test
    void aSquatterWhoNamesSomebodyElsesWalletBlocksNothing() {
        Map<String, Object> victim = individual();
        String wallet = walletAddress(victim, 0);
        // a made-up application naming the victim's address, never proven
        Map<String, Object> squat = individual();
        squat.put("fullLegalName", "Somebody Else");
        Applications.setWallets(squat, wallet);
        Created squatter = create(squat);

        Created owner = create(victim);
        proveAndUpload(owner);
        Applications.status(owner.id(), owner.token()).statusCode(200).body("status", equalTo("IN_REVIEW")).body("takenWallets", empty());
        Reviews.approve(owner.id(), Tokens.reviewer()).statusCode(200).body("status", equalTo("APPROVED"));
        Eventually.until("whitelisted", Duration.ofSeconds(10), () -> "ACTIVE".equals(whitelist(wallet).extract().path("status")));

        // the squatter is told on their next step, and their status shows it
        challenge("", squatter.id(), squatter.token(), wallet).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/wallet-already-claimed"))
                .body("detail", containsString("proved control of this address first"));
        Applications.status(squatter.id(), squatter.token()).statusCode(200)
                .body("takenWallets", contains(wallet))
                .body("unprovenWallets", empty());
        Applications.upload(squatter.id(), squatter.token(), "identity", "image/png", Applications.png()).statusCode(200)
                .body("status", equalTo("PENDING_DOCUMENT")).body("takenWallets", contains(wallet));
    }

    @Test
    void theFirstProofWinsAndTheOtherApplicationGoesOnWithItsOwnWallets() {
        Map<String, Object> first = individual();
        String shared = walletAddress(first, 0);
        Map<String, Object> second = individual();
        String own = Applications.freshAddress();
        Applications.setWallets(second, shared, own);
        Created a = create(first);
        Created b = create(second); // naming the same address is allowed while nobody proved it

        String messageB = challenge("", b.id(), b.token(), shared).statusCode(201).extract().path("message");
        String messageA = challenge("", a.id(), a.token(), shared).statusCode(201).extract().path("message");
        prove("", a.id(), a.token(), shared, sign(messageA, shared)).statusCode(200);
        // B signs too (the same key), but A proved first
        prove("", b.id(), b.token(), shared, sign(messageB, shared)).statusCode(409).body("type", equalTo("/problems/wallet-already-claimed"));

        String messageOwn = challenge("", b.id(), b.token(), own).statusCode(201).extract().path("message");
        prove("", b.id(), b.token(), own, sign(messageOwn, own)).statusCode(200);
        Applications.upload(b.id(), b.token(), "identity", "image/png", Applications.png()).statusCode(200)
                .body("status", equalTo("IN_REVIEW")).body("takenWallets", contains(shared));
        given().auth().oauth2(Tokens.reviewer()).when().get(REVIEW + "/" + b.id()).then().statusCode(200)
                .body("wallets.find { it.address == '" + shared + "' }.taken", equalTo(true))
                .body("wallets.find { it.address == '" + own + "' }.held", equalTo(true));
        Reviews.approve(b.id(), Tokens.reviewer()).statusCode(200).body("status", equalTo("APPROVED"));
        Eventually.until("B's own wallet whitelisted", Duration.ofSeconds(10), () -> "ACTIVE".equals(whitelist(own).extract().path("status")));
        whitelist(shared).statusCode(200).body("status", equalTo("NOT_LISTED"));
    }

    @Test
    void anApplicationWaitingOnlyForAWalletAnotherOneTookGoesOnToReviewByItself() {
        Map<String, Object> first = individual();
        String own = walletAddress(first, 0);
        String contested = Applications.freshAddress();
        Applications.setWallets(first, own, contested);
        Created a = create(first);
        String message = challenge("", a.id(), a.token(), own).statusCode(201).extract().path("message");
        prove("", a.id(), a.token(), own, sign(message, own)).statusCode(200);
        Applications.upload(a.id(), a.token(), "identity", "image/png", Applications.png()).statusCode(200)
                .body("status", equalTo("PENDING_DOCUMENT")).body("unprovenWallets", contains(contested));

        Map<String, Object> second = individual();
        Applications.setWallets(second, contested);
        Created b = create(second);
        Applications.proveWallets(b.id(), b.token(), second); // B takes the contested address: A has nothing left to do
        Applications.status(a.id(), a.token()).statusCode(200)
                .body("status", equalTo("IN_REVIEW")).body("takenWallets", contains(contested)).body("unprovenWallets", empty());
    }

    @Test
    void erasureKeepsTheClaimBehindAWhitelistedAddress() {
        Created holder = create(individual());
        String wallet = walletAddress(holder.body(), 0);
        proveAndUpload(holder);
        Reviews.approve(holder.id(), Tokens.reviewer()).statusCode(200);
        Eventually.until("whitelisted", Duration.ofSeconds(10), () -> "ACTIVE".equals(whitelist(wallet).extract().path("status")));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "the holder's request"))
                .when().post("/api/v1/admin/applications/" + holder.id() + "/erasure").then().statusCode(204);
        Map<String, Object> again = individual();
        Applications.setWallets(again, wallet);
        Applications.submit(again).statusCode(409).body("type", equalTo("/problems/wallet-already-claimed"));
        release(wallet, "after the erasure", Tokens.admin()).statusCode(409).body("type", equalTo("/problems/wallet-whitelisted"));
    }

    @Test
    void anOpenApplicationNeverCompletedExpiresAndReleasesWhatItHeld() throws Exception {
        Created stale = create(individual());
        String wallet = walletAddress(stale.body(), 0);
        Applications.proveWallets(stale.id(), stale.token(), stale.body()); // proven: held, but the document never comes
        Created fresh = create(individual());
        backdate(stale.id(), "31 days");
        backdate(fresh.id(), "29 days");

        org.junit.jupiter.api.Assertions.assertTrue(expiry.expireOpen(Instant.now()) >= 1);
        Applications.status(stale.id(), stale.token()).statusCode(200).body("status", equalTo("EXPIRED")).body("unprovenWallets", empty());
        Applications.status(fresh.id(), fresh.token()).statusCode(200).body("status", equalTo("PENDING_DOCUMENT"));
        Applications.upload(stale.id(), stale.token(), "identity", "image/png", Applications.png()).statusCode(409)
                .body("type", equalTo("/problems/application-state-conflict")).body("detail", containsString("expired"));
        given().auth().oauth2(Tokens.admin()).queryParam("applicationId", stale.id()).when().get("/api/v1/admin/audit").then().statusCode(200)
                .body("find { it.action == 'APPLICATION_EXPIRED' }.actor", equalTo("system"))
                .body("find { it.action == 'APPLICATION_EXPIRED' }.detail", containsString("30 days"));
        // the address is free again: its owner applies anew and holds it
        Map<String, Object> again = individual();
        Applications.setWallets(again, wallet);
        Created retry = create(again);
        Applications.proveWallets(retry.id(), retry.token(), again);
    }

    @Test
    void anAdminReleasesAClaimWithAReasonButNotOneBehindAWhitelistedAddress() {
        Created holder = create(individual());
        String wallet = walletAddress(holder.body(), 0);
        Applications.proveWallets(holder.id(), holder.token(), holder.body());

        release(wallet, null, Tokens.admin()).statusCode(400);
        release(wallet, "support ticket 17", Tokens.reviewer()).statusCode(403);
        release(Applications.freshAddress(), "nobody holds it", Tokens.admin()).statusCode(404);
        release(wallet, "Ticket 4411: the holder abandoned this application and applies anew.", Tokens.admin()).statusCode(200)
                .body("address", equalTo(wallet)).body("applicationId", equalTo(holder.id())).body("releasedBy", equalTo("officer@example.org"));
        given().auth().oauth2(Tokens.admin()).queryParam("address", wallet).queryParam("action", "WALLET_CLAIM_RELEASED")
                .when().get("/api/v1/admin/audit").then().statusCode(200)
                .body("detail", hasItem(containsString("Ticket 4411"))).body("actor", hasItem("officer@example.org"));
        Applications.status(holder.id(), holder.token()).statusCode(200).body("takenWallets", contains(wallet));
        challenge("", holder.id(), holder.token(), wallet).statusCode(409).body("type", equalTo("/problems/wallet-released"));

        // the address is free for its owner's new application, which is approved
        Map<String, Object> again = individual();
        Applications.setWallets(again, wallet);
        Created retry = create(again);
        proveAndUpload(retry);
        Reviews.approve(retry.id(), Tokens.reviewer()).statusCode(200).body("status", equalTo("APPROVED"));
        Eventually.until("whitelisted", Duration.ofSeconds(10), () -> "ACTIVE".equals(whitelist(wallet).extract().path("status")));
        release(wallet, "while it is whitelisted", Tokens.admin()).statusCode(409).body("type", equalTo("/problems/wallet-whitelisted"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "lost key"))
                .when().post("/api/v1/admin/whitelist/" + wallet + "/revoke").then().statusCode(200);
        release(wallet, "revoked: the holder lost the key", Tokens.admin()).statusCode(200);
    }

    @Test
    void erasureReleasesTheClaimsAndWithdrawsAnOpenApplication() {
        Created open = create(individual());
        String wallet = walletAddress(open.body(), 0);
        Applications.proveWallets(open.id(), open.token(), open.body());
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "the applicant withdrew and asked for erasure"))
                .when().post("/api/v1/admin/applications/" + open.id() + "/erasure").then().statusCode(204);
        Applications.status(open.id(), open.token()).statusCode(200).body("status", equalTo("WITHDRAWN"));
        Map<String, Object> again = individual();
        Applications.setWallets(again, wallet);
        Created retry = create(again);
        Applications.proveWallets(retry.id(), retry.token(), again);
    }

    void backdate(String id, String age) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE application SET created_at = now() - ?::interval WHERE id = ?")) {
            s.setString(1, age);
            s.setObject(2, UUID.fromString(id));
            assertEquals(1, s.executeUpdate());
        }
    }
}
