package io.kycwhitelist.webhooks;

import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.kycwhitelist.support.Reviews.approve;
import static io.kycwhitelist.support.Reviews.pendingReview;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.support.Eventually;
import io.kycwhitelist.support.TestHostResolver;
import io.kycwhitelist.support.Tokens;
import io.kycwhitelist.webhooks.WebhookTest.Receiver;
import io.kycwhitelist.webhooks.service.SystemHostResolver;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks never reach inside the network: an endpoint resolving to a loopback, link-local,
 * private or unique-local address is refused at registration and again at each delivery (the
 * connection goes to the address that was checked), unless an operator allowed it. The refusals
 * are shown with a test resolver: nothing connects anywhere but to the tests' own receiver on
 * 127.0.0.1, which the test profile allows.
 */
@QuarkusTest
class WebhookEndpointGuardTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void resolveWithTheTestsResolver() {
        QuarkusMock.installMockForType(new TestHostResolver(), SystemHostResolver.class);
    }

    static io.restassured.response.ValidatableResponse registration(String url) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", url, "secret", WebhookTest.SECRET, "eventTypes", List.of("WHITELIST_ACTIVATED")))
                .when().post("/api/v1/admin/webhooks").then();
    }

    static JsonPath deadLetter(String address) {
        return given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/webhooks/dead-letters").then().statusCode(200).extract().jsonPath();
    }

    static boolean dead(String address) {
        return deadLetter(address).getList("address", String.class).contains(address);
    }

    static String approvedAddress() {
        Map<String, Object> body = individual();
        approve(pendingReview(body), Tokens.reviewer()).statusCode(200);
        return walletAddress(body, 0);
    }

    @Test
    void endpointsOnInternalAddressesAreRefusedAtRegistration() {
        TestHostResolver.answer("metadata.attacker.test", "169.254.169.254");
        TestHostResolver.answer("intranet.attacker.test", "93.184.216.34", "10.0.0.7"); // one internal answer among public ones is enough
        TestHostResolver.answer("v6.attacker.test", "fd00::1");
        TestHostResolver.answer("mapped.attacker.test", "::ffff:127.0.0.2");
        for (String url : List.of("http://metadata.attacker.test/latest/meta-data/", "http://intranet.attacker.test/hook", "http://v6.attacker.test/hook",
                "http://mapped.attacker.test/hook", "http://127.0.0.2:8080/hook", "http://[::1]/hook", "http://192.168.0.10/hook",
                "http://169.254.169.254/latest/meta-data/", "http://2130706434/hook", "http://nowhere.attacker.test/hook")) {
            registration(url).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("url"))
                    .body("errors.message", hasItem(not(containsString("169.254"))))
                    .body("errors.message", hasItem(containsString("cannot be used")));
        }
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/webhooks").then().statusCode(200)
                .body("url", not(hasItem(containsString("attacker.test"))));
    }

    @Test
    void aHostThatResolvesElsewhereLaterIsRefusedAtDeliveryWithoutConnecting() throws Exception {
        try (Receiver receiver = new Receiver(0)) {
            int port = receiver.server.getAddress().getPort();
            String host = "rebind-" + UUID.randomUUID().toString().substring(0, 8) + ".exchange.test";
            TestHostResolver.answer(host, "127.0.0.1");
            String endpoint = registration("http://" + host + ":" + port + "/hook").statusCode(201).extract().path("id");
            try {
                String first = approvedAddress();
                Eventually.until("delivered to the checked address", Duration.ofSeconds(20),
                        () -> receiver.delivered().stream().anyMatch(r -> r.body().contains(first)));

                TestHostResolver.answer(host, "169.254.169.254"); // the exchange's DNS now points inside
                String second = approvedAddress();
                Eventually.until("the delivery is given up", Duration.ofSeconds(20), () -> dead(second));
                assertTrue(receiver.received.stream().noneMatch(r -> r.body().contains(second)), "nothing was sent");
                String error = deadLetter(second).getString("find { it.address == '" + second + "' }.lastError");
                assertEquals("not sent: its host resolves to an address the service may not call (loopback, link-local, private or unique-local)", error);
            } finally {
                WebhookTest.remove(endpoint);
            }
        }
    }

    @Test
    void connectionFailuresAreReportedWithoutTheirNetworkDetail() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort(); // nothing listens here once closed
        }
        String endpoint = registration("http://127.0.0.1:" + closed + "/hook").statusCode(201).extract().path("id");
        try {
            String address = approvedAddress();
            Eventually.until("the delivery is given up", Duration.ofSeconds(20), () -> dead(address));
            String error = deadLetter(address).getString("find { it.address == '" + address + "' }.lastError");
            assertEquals("connection failed or timed out", error);
            assertFalse(error.contains("127.0.0.1") || error.contains(Integer.toString(closed)) || error.toLowerCase().contains("refused"));
        } finally {
            WebhookTest.remove(endpoint);
        }
    }

    @Test
    void aSecretThatNoLongerOpensParksTheDeliveryInsteadOfStoppingThem() throws Exception {
        try (Receiver receiver = new Receiver(0)) {
            String endpoint = registration(receiver.url()).statusCode(201).extract().path("id");
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("UPDATE webhook_endpoint SET secret_sealed = (SELECT secret_sealed FROM webhook_endpoint WHERE id <> ?"
                         + " LIMIT 1) WHERE id = ?")) {
                // another endpoint's sealed secret: bound to that endpoint's row, it does not open for this one (as after a lost key)
                String other = registration(receiver.url()).statusCode(201).extract().path("id");
                s.setObject(1, UUID.fromString(endpoint));
                s.setObject(2, UUID.fromString(endpoint));
                assertEquals(1, s.executeUpdate());
                WebhookTest.remove(other);
            }
            try {
                String address = approvedAddress();
                Eventually.until("the delivery is parked, not stuck", Duration.ofSeconds(20), () -> dead(address));
                assertEquals("not sent: the endpoint's signing secret cannot be opened",
                        deadLetter(address).getString("find { it.address == '" + address + "' }.lastError"));
                assertTrue(receiver.received.stream().noneMatch(r -> r.body().contains(address)));
            } finally {
                WebhookTest.remove(endpoint);
            }
        }
    }
}
