package io.kycwhitelist.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every protected endpoint against every kind of caller: anonymous and broken tokens get 401, a
 * valid token without the role gets 403, both as problem documents; the right role gets through.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final String ADDRESS = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    static final String ID = UUID.randomUUID().toString();

    record Endpoint(String name, Set<String> roles, Function<RequestSpecification, io.restassured.response.Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Endpoint> endpoints() {
        Set<String> reviewer = Set.of("reviewer");
        Set<String> admin = Set.of("admin");
        Set<String> exchange = Set.of("exchange", "admin");
        return List.of(
                new Endpoint("GET review queue", reviewer, r -> r.get("/api/v1/review/applications")),
                new Endpoint("GET review application", reviewer, r -> r.get("/api/v1/review/applications/" + ID)),
                new Endpoint("GET review document", reviewer, r -> r.get("/api/v1/review/applications/" + ID + "/documents/identity")),
                new Endpoint("POST decision", reviewer, r -> r.contentType("application/json").header("If-Match", "\"0\"")
                        .body(Map.of("decision", "APPROVE")).post("/api/v1/review/applications/" + ID + "/decision")),
                new Endpoint("POST revoke", admin, r -> r.contentType("application/json").body(Map.of("reason", "test"))
                        .post("/api/v1/admin/whitelist/" + ADDRESS + "/revoke")),
                new Endpoint("GET audit", admin, r -> r.queryParam("applicationId", ID).get("/api/v1/admin/audit")),
                new Endpoint("POST reinstatement", admin, r -> r.contentType("application/json").body(Map.of("reason", "test"))
                        .post("/api/v1/admin/whitelist/" + ADDRESS + "/reinstatement")),
                new Endpoint("GET policy", admin, r -> r.get("/api/v1/admin/policy")),
                new Endpoint("POST policy dry run", admin, r -> r.contentType("application/yaml").body("version: x".getBytes())
                        .post("/api/v1/admin/policy/dry-run")),
                new Endpoint("POST policy reload", admin, r -> r.post("/api/v1/admin/policy/reload")),
                new Endpoint("GET rescreenings", admin, r -> r.get("/api/v1/admin/rescreenings")),
                new Endpoint("GET sanctions lists", admin, r -> r.get("/api/v1/admin/sanctions-lists")),
                new Endpoint("GET webhooks", admin, r -> r.get("/api/v1/admin/webhooks")),
                new Endpoint("GET chain publication", admin, r -> r.get("/api/v1/admin/chain")),
                new Endpoint("GET chain publications", admin, r -> r.queryParam("status", "DEAD").get("/api/v1/admin/chain/publications")),
                new Endpoint("POST chain publication replay", admin, r -> r.post("/api/v1/admin/chain/publications/1/replay")),
                new Endpoint("GET renewal queue", reviewer, r -> r.get("/api/v1/review/renewals")),
                new Endpoint("GET renewal", reviewer, r -> r.get("/api/v1/review/renewals/" + ID)),
                new Endpoint("GET renewal document", reviewer, r -> r.get("/api/v1/review/renewals/" + ID + "/documents/identity")),
                new Endpoint("POST renewal decision", reviewer, r -> r.contentType("application/json").header("If-Match", "\"0\"")
                        .body(Map.of("decision", "APPROVE")).post("/api/v1/review/renewals/" + ID + "/decision")),
                new Endpoint("POST renewal hit dismissal", reviewer, r -> r.contentType("application/json").header("If-Match", "\"0\"")
                        .body(Map.of("reason", "test")).post("/api/v1/review/renewals/" + ID + "/sanctions-hits/" + ID + "/dismissal")),
                new Endpoint("POST wallet claim release", admin, r -> r.contentType("application/json").body(Map.of("reason", "test"))
                        .post("/api/v1/admin/wallet-claims/" + ADDRESS + "/release")),
                new Endpoint("GET whitelist", exchange, r -> r.get("/api/v1/whitelist/" + ADDRESS)),
                new Endpoint("POST whitelist check", exchange, r -> r.contentType("application/json")
                        .body(Map.of("addresses", List.of(ADDRESS))).post("/api/v1/whitelist/check")),
                new Endpoint("GET transfer restriction", exchange, r -> r.queryParam("from", ADDRESS).queryParam("to", ADDRESS)
                        .get("/api/v1/transfer-restrictions")),
                new Endpoint("GET restriction codes", exchange, r -> r.get("/api/v1/transfer-restrictions/codes")));
    }

    static Stream<Arguments> everyEndpointAndCaller() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String role : List.of("reviewer", "admin", "exchange")) {
                cases.add(Arguments.of(endpoint, role, endpoint.roles().contains(role) ? 0 : 403, Tokens.of(role, role + "@example.org")));
            }
            cases.add(Arguments.of(endpoint, "anonymous", 401, null));
            String role = endpoint.roles().iterator().next();
            cases.add(Arguments.of(endpoint, "expired " + role, 401, Tokens.expired(role)));
            cases.add(Arguments.of(endpoint, "wrong issuer", 401, Tokens.wrongIssuer(role)));
            cases.add(Arguments.of(endpoint, "minted for another client", 401, Tokens.otherAudience(role)));
            cases.add(Arguments.of(endpoint, "another key", 401, Tokens.otherKey(role)));
            cases.add(Arguments.of(endpoint, "tampered", 401, Tokens.tampered(role)));
            cases.add(Arguments.of(endpoint, "alg none", 401, Tokens.unsigned(role)));
            cases.add(Arguments.of(endpoint, "garbage", 401, "not.a.jwt"));
        }
        return cases.stream();
    }

    /** @param expected 401 or 403; 0 for "let through" (anything but 401 and 403) */
    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndCaller")
    void callersGetWhatTheirTokenAllows(Endpoint endpoint, String caller, int expected, String token) {
        RequestSpecification request = given();
        if (token != null) {
            request.auth().oauth2(token);
        }
        io.restassured.response.Response response = endpoint.call().apply(request);
        if (expected == 0) {
            assertNotEquals(401, response.statusCode(), response.asString());
            assertNotEquals(403, response.statusCode(), response.asString());
            return;
        }
        assertEquals(expected, response.statusCode(), response.asString());
        assertEquals("application/problem+json", response.contentType());
        assertEquals(expected == 401 ? "/problems/unauthorized" : "/problems/forbidden", response.path("type"));
        if (expected == 401) {
            assertEquals("Bearer", response.header("WWW-Authenticate"));
        }
    }

    @Test
    void thePublicEndpointsStayPublic() {
        given().when().get("/api/v1/jurisdictions").then().statusCode(200);
        Applications.submit(Applications.individual()).statusCode(201);
    }

    @Test
    void aTokenOnAPublicEndpointChangesNothing() {
        given().auth().oauth2(Tokens.expired("reviewer")).when().get("/api/v1/jurisdictions").then().statusCode(200)
                .body("version", equalTo("2026-11-22.1"));
    }
}
