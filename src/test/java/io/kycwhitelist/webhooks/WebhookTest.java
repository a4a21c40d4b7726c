package io.kycwhitelist.webhooks;

import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.kycwhitelist.support.Reviews.approve;
import static io.kycwhitelist.support.Reviews.pendingReview;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.kycwhitelist.common.Backoff;
import io.kycwhitelist.support.Eventually;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Whitelist changes reach exchanges' endpoints signed, in order, at least once, retried, and parked when they cannot. */
@QuarkusTest
class WebhookTest {

    static final String SECRET = "exchange-shared-secret-0123456789-abcdef";

    record Received(String eventId, String signature, String body, int answered) {}

    /** A local receiver that fails its first {@code failures} requests. */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final List<Received> received = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft;

        Receiver(int failures) throws IOException {
            failuresLeft = new AtomicInteger(failures);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-KYC-Event-Id"),
                        exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body, status));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<Received> delivered() {
            return received.stream().filter(r -> r.answered() == 200).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static String register(String url, List<String> types) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", url, "secret", SECRET, "eventTypes", types))
                .when().post("/api/v1/admin/webhooks").then().statusCode(201).extract().path("id");
    }

    static void remove(String id) {
        given().auth().oauth2(Tokens.admin()).when().delete("/api/v1/admin/webhooks/" + id).then().statusCode(204);
    }

    static void await(String what, BooleanSupplier condition) {
        Eventually.until(what, Duration.ofSeconds(20), condition);
    }

    @Test
    void changesArriveSignedInOrderAfterRetries() throws Exception {
        try (Receiver receiver = new Receiver(2)) {
            String endpoint = register(receiver.url(), List.of("WHITELIST_ACTIVATED", "WHITELIST_REVOKED"));
            try {
                Map<String, Object> body = individual();
                String id = pendingReview(body);
                approve(id, Tokens.reviewer()).statusCode(200);
                String address = walletAddress(body, 0);
                given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "webhook test"))
                        .when().post("/api/v1/admin/whitelist/" + address + "/revoke").then().statusCode(200);
                await("both changes are delivered", () -> receiver.delivered().stream().filter(r -> r.body().contains(address)).count() == 2);

                List<Received> mine = receiver.received.stream().filter(r -> r.body().contains(address)).toList();
                List<Received> delivered = mine.stream().filter(r -> r.answered() == 200).toList();
                assertTrue(delivered.get(0).body().contains("\"type\":\"WHITELIST_ACTIVATED\"") && delivered.get(0).body().contains("\"status\":\"ACTIVE\""),
                        delivered.get(0).body());
                assertTrue(delivered.get(1).body().contains("\"type\":\"WHITELIST_REVOKED\"") && delivered.get(1).body().contains("\"status\":\"REVOKED\""));
                assertEquals(3, mine.stream().filter(r -> r.eventId().equals(delivered.get(0).eventId())).count(),
                        "the activation failed twice and was retried with the same event id");
                assertTrue(mine.indexOf(delivered.get(0)) < mine.indexOf(mine.stream().filter(r -> r.eventId().equals(delivered.get(1).eventId())).findFirst().orElseThrow()),
                        "the revocation was not attempted before the activation was delivered");
                long now = Instant.now().getEpochSecond();
                for (Received r : mine) {
                    assertTrue(WebhookSignature.verify(SECRET, r.signature(), r.body(), now, 300), "signed: " + r.signature());
                    assertTrue(!WebhookSignature.verify("another-secret-0123456789-0123456789", r.signature(), r.body(), now, 300));
                    assertTrue(!WebhookSignature.verify(SECRET, r.signature(), r.body() + " ", now, 300), "the body is signed");
                    assertTrue(r.body().contains("\"eventId\":\"" + r.eventId() + "\""));
                }
            } finally {
                remove(endpoint);
            }
        }
    }

    @Test
    void aDeliveryThatKeepsFailingIsParkedAndCanBeReplayed() throws Exception {
        try (Receiver receiver = new Receiver(Integer.MAX_VALUE)) {
            String endpoint = register(receiver.url(), List.of("WHITELIST_ACTIVATED"));
            try {
                Map<String, Object> body = individual();
                approve(pendingReview(body), Tokens.reviewer()).statusCode(200);
                String address = walletAddress(body, 0);
                await("the delivery is dead", () -> given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/webhooks/dead-letters")
                        .then().extract().jsonPath().getList("address", String.class).contains(address));
                long id = given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/webhooks/dead-letters").then()
                        .body("find { it.address == '" + address + "' }.lastError", equalTo("answered 500"))
                        .extract().jsonPath().getLong("find { it.address == '" + address + "' }.id");
                receiver.failuresLeft.set(0); // the exchange is back
                given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/webhooks/deliveries/" + id + "/replay").then()
                        .statusCode(200).body("status", equalTo("PENDING"));
                await("the replayed delivery arrives", () -> receiver.delivered().stream().anyMatch(r -> r.body().contains(address)));
                given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/webhooks/deliveries/" + id + "/replay").then().statusCode(409);
            } finally {
                remove(endpoint);
            }
        }
    }

    @Test
    void registrationTakesOnlyProperUrlsAndLongSecrets() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://exchange.example/hook", "secret", SECRET, "eventTypes", List.of("WHITELIST_REVOKED")))
                .when().post("/api/v1/admin/webhooks").then().statusCode(400).body("errors.field", hasItem("url"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://exchange.example/hook", "secret", "short", "eventTypes", List.of()))
                .when().post("/api/v1/admin/webhooks").then().statusCode(400).body("errors.field", hasItem("secret")).body("errors.field", hasItem("eventTypes"));
        given().auth().oauth2(Tokens.exchange()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://exchange.example/hook", "secret", SECRET, "eventTypes", List.of("WHITELIST_REVOKED")))
                .when().post("/api/v1/admin/webhooks").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/webhooks").then().statusCode(200)
                .body("findAll { it.secret != null }.size()", equalTo(0));
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        assertEquals(List.of(5L, 10L, 20L, 40L, 3600L), List.of(Backoff.exponential(1, 5, 3600), Backoff.exponential(2, 5, 3600),
                Backoff.exponential(3, 5, 3600), Backoff.exponential(4, 5, 3600), Backoff.exponential(20, 5, 3600)));
    }
}
