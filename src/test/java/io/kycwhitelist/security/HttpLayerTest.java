package io.kycwhitelist.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every answer carries: security headers on the pages and the API, and problem documents even where the HTTP layer refuses. */
@QuarkusTest
class HttpLayerTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void thePagesMayRunOnlyTheirOwnScriptsAndNeverBeFramed() {
        for (String page : List.of("/", "/review/")) {
            Response response = given().when().get(page).then().statusCode(200).extract().response();
            String policy = response.header("Content-Security-Policy");
            assertTrue(policy.contains("script-src 'self'"), page + ": " + policy);
            assertTrue(policy.contains("frame-ancestors 'none'"), page + ": " + policy);
            assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), page + ": " + policy);
            assertEquals("no-referrer", response.header("Referrer-Policy"), page);
            assertEquals("nosniff", response.header("X-Content-Type-Options"), page);
            assertEquals("DENY", response.header("X-Frame-Options"), page);
        }
    }

    @Test
    void theApiAnswersLoadNothingEvenItsErrors() {
        for (Response response : List.of(given().when().get("/api/v1/jurisdictions").then().statusCode(200).extract().response(),
                given().when().get("/api/v1/no-such-thing").then().statusCode(404).extract().response(),
                given().when().get("/api/v1/review/applications").then().statusCode(401).extract().response())) {
            assertEquals("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'", response.header("Content-Security-Policy"));
            assertEquals("nosniff", response.header("X-Content-Type-Options"));
            assertEquals("no-referrer", response.header("Referrer-Policy"));
        }
    }

    @Test
    void httpsClaimedByAClientThatIsNoTrustedProxyIsNotBelieved() {
        given().header("X-Forwarded-Proto", "https").when().get("/api/v1/jurisdictions").then().statusCode(200)
                .header("Strict-Transport-Security", nullValue());
    }

    @Test
    void aRequestLineOverTheLimitIsAProblemDocument() {
        given().queryParam("q", "x".repeat(5000)).when().get("/api/v1/jurisdictions").then().statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/uri-too-long"))
                .body("detail", containsString("at most 4096 bytes"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().queryParam("q", "x".repeat(3000)).when().get("/api/v1/jurisdictions").then().statusCode(200);
    }

    @Test
    void headersOverTheLimitAreAProblemDocument() throws Exception {
        // REST Assured folds some headers: the JDK client sends exactly these
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(root.resolve("/api/v1/jurisdictions"))
                .header("X-Padding", "y".repeat(30_000)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(431, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"type\":\"/problems/headers-too-large\""), response.body());
        given().header("X-Padding", "y".repeat(8_000)).when().get("/api/v1/jurisdictions").then().statusCode(200)
                .header("Content-Type", not(containsString("problem")));
    }
}
