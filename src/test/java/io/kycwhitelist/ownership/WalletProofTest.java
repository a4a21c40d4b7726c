package io.kycwhitelist.ownership;

import static io.kycwhitelist.support.Applications.challenge;
import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.prove;
import static io.kycwhitelist.support.Applications.sign;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.Reviews;
import io.kycwhitelist.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Applicants prove control of their wallets by signing a challenge, with keys made in the test. */
@QuarkusTest
class WalletProofTest {

    @Inject
    EntityManager em;

    @BeforeAll
    static void readableFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    record Created(String id, String token, String address) {}

    static Created create() {
        Map<String, Object> body = individual();
        ExtractableResponse<Response> r = Applications.submit(body).statusCode(201).extract();
        return new Created(r.path("id"), r.path("statusToken"), walletAddress(body, 0));
    }

    static String challengeMessage(Created app) {
        return challenge("", app.id(), app.token(), app.address()).statusCode(201).extract().path("message");
    }

    @Test
    void theChallengeNamesTheServiceTheApplicationTheAddressAndANonce() {
        Created app = create();
        ExtractableResponse<Response> challenge = challenge("", app.id(), app.token(), app.address()).statusCode(201)
                .body("nonce", notNullValue()).body("expiresAt", notNullValue()).extract();
        String message = challenge.path("message");
        assertTrue(message.startsWith("kyc-whitelist.local wants you to sign in with your Ethereum account:\n" + app.address() + "\n"), message);
        assertTrue(message.contains("Application " + app.id()), message);
        assertTrue(message.contains("Nonce: " + challenge.path("nonce")), message);
        assertTrue(message.contains("whitelisted to hold"), message);
        assertTrue(message.contains("Expiration Time: " + challenge.path("expiresAt")), message);
    }

    @Test
    void aGoodProofIsAccepted() {
        Created app = create();
        prove("", app.id(), app.token(), app.address(), sign(challengeMessage(app), app.address())).statusCode(200)
                .body("address", equalTo(app.address()))
                .body("proven", equalTo(true))
                .body("provenAt", notNullValue());
        Applications.status(app.id(), app.token()).body("unprovenWallets", empty());
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        Created app = create();
        String message = challengeMessage(app);
        prove("", app.id(), app.token(), app.address(), sign(message, Applications.freshAddress())).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/signature-mismatch"));
    }

    @Test
    void aSignatureOverAnotherMessageIsRefused() {
        Created app = create();
        String message = challengeMessage(app);
        prove("", app.id(), app.token(), app.address(), sign(message.replace("Version: 1", "Version: 2"), app.address())).statusCode(400)
                .body("type", equalTo("/problems/signature-mismatch"));
        // the challenge was not used up by the failure
        prove("", app.id(), app.token(), app.address(), sign(message, app.address())).statusCode(200);
    }

    @Test
    void anExpiredChallengeIsRefused() {
        Created app = create();
        String message = challengeMessage(app);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE wallet_challenge SET expires_at = now() - interval '1 second' WHERE application_id = ?1")
                .setParameter(1, java.util.UUID.fromString(app.id())).executeUpdate());
        prove("", app.id(), app.token(), app.address(), sign(message, app.address())).statusCode(409)
                .body("type", equalTo("/problems/challenge-expired"));
    }

    @Test
    void aChallengeServesOnce() {
        Created app = create();
        String signature = sign(challengeMessage(app), app.address());
        prove("", app.id(), app.token(), app.address(), signature).statusCode(200);
        prove("", app.id(), app.token(), app.address(), signature).statusCode(409).body("type", equalTo("/problems/challenge-used"));
    }

    @Test
    void onlyTheNewestChallengeCounts() {
        Created app = create();
        String first = challengeMessage(app);
        challengeMessage(app);
        prove("", app.id(), app.token(), app.address(), sign(first, app.address())).statusCode(400);
    }

    @Test
    void aProofWithoutAChallengeIs409() {
        Created app = create();
        prove("", app.id(), app.token(), app.address(), sign("anything", app.address())).statusCode(409)
                .body("type", equalTo("/problems/challenge-not-issued"));
    }

    @Test
    void malformedSignaturesAre400() {
        Created app = create();
        challengeMessage(app);
        for (String bad : new String[] {"0x1234", "hello", "0x" + "g".repeat(130), "0x" + "1".repeat(128) + "1d"}) {
            prove("", app.id(), app.token(), app.address(), bad).statusCode(400)
                    .body("type", equalTo("/problems/validation-failed"))
                    .body("errors[0].field", equalTo("signature"));
        }
    }

    @Test
    void bothConventionsOfVAreAccepted() {
        Created app = create();
        String signature = sign(challengeMessage(app), app.address());
        int v = Integer.parseInt(signature.substring(130), 16);
        prove("", app.id(), app.token(), app.address(), signature.substring(0, 130) + String.format("%02x", v - 27)).statusCode(200);
    }

    @Test
    void theAddressMayBeGivenInAnyCase() {
        Created app = create();
        String lower = app.address().toLowerCase();
        String upper = "0x" + app.address().substring(2).toUpperCase();
        String message = challenge("", app.id(), app.token(), lower).statusCode(201).extract().path("message");
        assertTrue(message.contains(app.address()), "the message names the checksummed address");
        prove("", app.id(), app.token(), upper, sign(message, app.address())).statusCode(200).body("address", equalTo(app.address()));
        String broken = app.address().substring(0, 41) + (Character.isUpperCase(app.address().charAt(41))
                ? Character.toLowerCase(app.address().charAt(41)) : Character.toUpperCase(app.address().charAt(41)));
        if (!broken.equals(app.address()) && !broken.substring(2).equals(broken.substring(2).toLowerCase())) {
            challenge("", app.id(), app.token(), broken).statusCode(400);
        }
    }

    @Test
    void anotherWalletOrAWrongTokenIs404() {
        Created app = create();
        challenge("", app.id(), app.token(), Applications.freshAddress()).statusCode(404);
        challenge("", app.id(), "wrong", app.address()).statusCode(404);
    }

    @Test
    void reviewersSeeTheProofAndExchangesSeeOwnershipProven() {
        Map<String, Object> body = individual();
        String id = Reviews.pendingReview(body);
        String reviewer = Tokens.reviewer("dana@example.org");
        given().auth().oauth2(reviewer).when().get(Reviews.REVIEW + "/" + id).then()
                .body("wallets[0].proven", equalTo(true))
                .body("wallets[0].provenAt", notNullValue())
                .body("wallets[0].signedMessage", containsString("Nonce: "))
                .body("wallets[0].signature", notNullValue());
        Reviews.approve(id, reviewer).statusCode(200);
        Reviews.whitelist(walletAddress(body, 0)).body("ownershipProven", equalTo(true));
        given().auth().oauth2(Tokens.admin()).queryParam("applicationId", id).when().get("/api/v1/admin/audit").then()
                .body("action[2]", equalTo("WALLET_PROVEN"))
                .body("address[2]", equalTo(walletAddress(body, 0)));
    }

    @Test
    void aRejectedApplicationTakesNoProofs() {
        Map<String, Object> body = individual();
        body.put("countryOfResidence", "US");
        ExtractableResponse<Response> r = Applications.submit(body).statusCode(201).extract();
        challenge("", r.path("id"), r.path("statusToken"), walletAddress(body, 0)).statusCode(409);
    }
}
