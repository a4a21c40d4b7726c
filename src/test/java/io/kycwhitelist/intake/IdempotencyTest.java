package io.kycwhitelist.intake;

import static io.kycwhitelist.support.Applications.PATH;
import static io.kycwhitelist.support.Applications.individual;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Retrying a submission with its Idempotency-Key never creates a second application. */
@QuarkusTest
class IdempotencyTest {

    @BeforeAll
    static void readableFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static ExtractableResponse<Response> post(String key, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).when().post(PATH).then().extract();
    }

    @Test
    void theSameKeyAndBodyAnswerTheFirstAnswerAgain() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = individual();
        ExtractableResponse<Response> first = post(key, body);
        ExtractableResponse<Response> again = post(key, body);
        assertEquals(201, first.statusCode());
        assertEquals(201, again.statusCode());
        assertEquals(first.body().asString(), again.body().asString(), "the replay is the first answer, status token included");
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(1, Application.count("id", UUID.fromString(first.path("id"))));
        // the replayed token works
        given().header("X-Status-Token", (String) again.path("statusToken")).when().get(PATH + "/" + again.path("id"))
                .then().statusCode(200).body("status", equalTo("PENDING_DOCUMENT"));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = individual();
        assertEquals(201, post(key, body).statusCode());
        body.put("email", "someone.else@example.org");
        ExtractableResponse<Response> refused = post(key, body);
        assertEquals(422, refused.statusCode());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("/problems/idempotency-key-reused", refused.path("type"));
    }

    @Test
    void theReplayOfARejectionIsTheSameRejection() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = individual();
        body.put("countryOfResidence", "CU");
        ExtractableResponse<Response> first = post(key, body);
        assertEquals("REJECTED", first.path("status"));
        assertEquals(first.body().asString(), post(key, body).body().asString());
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneApplication() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = individual();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ExtractableResponse<Response>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> post(key, body));
            }
            Set<String> ids = new HashSet<>();
            for (Future<ExtractableResponse<Response>> f : pool.invokeAll(calls)) {
                assertEquals(201, f.get().statusCode(), f.get().body().asString());
                ids.add(f.get().path("id"));
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdown();
        }
    }
}
