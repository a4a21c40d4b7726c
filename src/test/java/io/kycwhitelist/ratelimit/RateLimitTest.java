package io.kycwhitelist.ratelimit;

import static io.kycwhitelist.support.Applications.individual;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycwhitelist.support.Applications;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public endpoints are limited per client address, behind a trusted proxy by its
 * X-Forwarded-For; wrong status tokens are throttled apart. Each test uses its own client
 * addresses (the proxy on 127.0.0.1 is trusted).
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kyc.rate-limit.enabled", "true",
                    "kyc.rate-limit.trusted-proxies", "127.0.0.1,::1,10.0.0.0/8",
                    "kyc.rate-limit.window", "10m",
                    "kyc.rate-limit.applications", "3",
                    "kyc.rate-limit.uploads", "5",
                    "kyc.rate-limit.status-calls", "8",
                    "kyc.rate-limit.wrong-status-tokens", "4");
        }
    }

    static ExtractableResponse<Response> apply(String client) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body(individual())
                .when().post(Applications.PATH).then().extract();
    }

    @Test
    void submissionsOverTheLimitAreRefusedWithRetryAfterPerClientAddress() {
        for (int i = 0; i < 3; i++) {
            assertTrue(apply("203.0.113.10").statusCode() == 201);
        }
        ExtractableResponse<Response> refused = apply("203.0.113.10");
        given().header("X-Forwarded-For", "203.0.113.10").contentType(ContentType.JSON).body(individual())
                .when().post(Applications.PATH).then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/too-many-requests"))
                .body("detail", containsString("Try again in"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 600, "Retry-After " + retryAfter);
        // another client behind the same proxy is not affected
        assertTrue(apply("203.0.113.11").statusCode() == 201);
    }

    @Test
    void onlyTrustedProxiesAreBelievedAlongTheForwardedChain() {
        // the client claims to be 198.51.100.1, but the hop before the trusted proxy (10.1.2.3) is 203.0.113.20
        for (int i = 0; i < 3; i++) {
            assertTrue(apply("198.51.100.1, 203.0.113.20, 10.1.2.3").statusCode() == 201);
        }
        assertTrue(apply("198.51.100.2, 203.0.113.20").statusCode() == 429, "the same client, whatever it claims before");
        assertTrue(apply("198.51.100.1").statusCode() == 201, "the claimed address was never counted");
    }

    @Test
    void guessingStatusTokensIsThrottled() {
        ExtractableResponse<Response> created = given().header("X-Forwarded-For", "203.0.113.30").contentType(ContentType.JSON)
                .body(individual()).when().post(Applications.PATH).then().statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("statusToken");
        for (int i = 0; i < 4; i++) {
            given().header("X-Forwarded-For", "203.0.113.31").header("X-Status-Token", "guess-" + i)
                    .when().get(Applications.PATH + "/" + id).then().statusCode(404);
        }
        given().header("X-Forwarded-For", "203.0.113.31").header("X-Status-Token", token)
                .when().get(Applications.PATH + "/" + id).then().statusCode(429)
                .body("detail", containsString("wrong status token"));
        given().header("X-Forwarded-For", "203.0.113.31").header("X-Status-Token", token).contentType("image/png").body(Applications.png())
                .when().put(Applications.PATH + "/" + id + "/documents/identity").then().statusCode(429);
        // the applicant, from her own address, is not affected
        given().header("X-Forwarded-For", "203.0.113.30").header("X-Status-Token", token)
                .when().get(Applications.PATH + "/" + id).then().statusCode(200);
    }

    @Test
    void guessingStatusTokensOnTheRenewalEndpointsIsThrottledToo() {
        ExtractableResponse<Response> created = given().header("X-Forwarded-For", "203.0.113.50").contentType(ContentType.JSON)
                .body(individual()).when().post(Applications.PATH).then().statusCode(201).extract();
        String id = created.path("id");
        String base = Applications.PATH + "/" + id + "/renewal";
        Map<String, Object> document = Map.of("idDocument", Map.of("type", "PASSPORT", "number", "X1", "issuingCountry", "DE", "expiryDate", "2040-01-01"));
        given().header("X-Forwarded-For", "203.0.113.51").header("X-Status-Token", "guess-1").when().get(base).then().statusCode(404);
        given().header("X-Forwarded-For", "203.0.113.51").header("X-Status-Token", "guess-2").contentType(ContentType.JSON).body(document)
                .when().post(base).then().statusCode(404);
        given().header("X-Forwarded-For", "203.0.113.51").header("X-Status-Token", "guess-3").contentType("image/png").body(Applications.png())
                .when().put(base + "/documents/identity").then().statusCode(404);
        given().header("X-Forwarded-For", "203.0.113.51").header("X-Status-Token", "guess-4").when().get(base).then().statusCode(404);
        given().header("X-Forwarded-For", "203.0.113.51").header("X-Status-Token", (String) created.path("statusToken"))
                .when().get(base).then().statusCode(429).body("detail", containsString("wrong status token"));
        given().header("X-Forwarded-For", "203.0.113.51").header("X-Status-Token", (String) created.path("statusToken"))
                .when().get(Applications.PATH + "/" + id).then().statusCode(429);
    }

    @Test
    void aHolderLookingAtANotYetStartedRenewalIsNoGuesser() {
        ExtractableResponse<Response> created = given().header("X-Forwarded-For", "203.0.113.60").contentType(ContentType.JSON)
                .body(individual()).when().post(Applications.PATH).then().statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("statusToken");
        for (int i = 0; i < 5; i++) { // the status page asks for the renewal each time: none yet, with the right token
            given().header("X-Forwarded-For", "203.0.113.60").header("X-Status-Token", token)
                    .when().get(Applications.PATH + "/" + id + "/renewal").then().statusCode(404);
        }
        given().header("X-Forwarded-For", "203.0.113.60").header("X-Status-Token", token)
                .when().get(Applications.PATH + "/" + id).then().statusCode(200);
    }

    @Test
    void httpsIsBelievedFromATrustedProxyOnly() {
        given().header("X-Forwarded-Proto", "https").when().get("/api/v1/jurisdictions").then().statusCode(200)
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        given().when().get("/api/v1/jurisdictions").then().statusCode(200).header("Strict-Transport-Security", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void statusCallsHaveTheirOwnLimit() {
        ExtractableResponse<Response> created = given().header("X-Forwarded-For", "203.0.113.40").contentType(ContentType.JSON)
                .body(individual()).when().post(Applications.PATH).then().statusCode(201).extract();
        for (int i = 0; i < 8; i++) {
            given().header("X-Forwarded-For", "203.0.113.40").header("X-Status-Token", (String) created.path("statusToken"))
                    .when().get(Applications.PATH + "/" + created.path("id")).then().statusCode(200);
        }
        given().header("X-Forwarded-For", "203.0.113.40").header("X-Status-Token", (String) created.path("statusToken"))
                .when().get(Applications.PATH + "/" + created.path("id")).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // the reviewers' and exchanges' endpoints are not limited here
        given().header("X-Forwarded-For", "203.0.113.40").when().get("/api/v1/jurisdictions").then().statusCode(200);
    }
}
