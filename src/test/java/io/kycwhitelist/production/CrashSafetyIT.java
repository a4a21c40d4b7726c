package io.kycwhitelist.production;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.PackagedService;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Approving applications while the service is killed (SIGKILL) and restarted, again and again:
 * no publication is lost and none is duplicated. Afterwards every approved wallet is ACTIVE
 * exactly once, each has exactly one activation event and one PUBLISHED record, and the outbox
 * is empty. A larger run: bench/crash-safety.md.
 */
class CrashSafetyIT {

    static final int APPLICATIONS = Integer.getInteger("crash.applications", 30);
    static final int KILLS = Integer.getInteger("crash.kills", 4);
    static EmbeddedPostgres database;
    static String reviewer;

    @BeforeAll
    static void start() throws Exception {
        database = EmbeddedPostgres.builder().start();
        // minted here, outside Quarkus: the test key, the test issuer
        reviewer = Jwt.issuer("https://test.kyc-whitelist.local").audience("kyc-whitelist")
                .subject("crash-reviewer@example.org").upn("crash-reviewer@example.org").groups(Set.of("reviewer"))
                .expiresIn(Duration.ofHours(1)).sign(KeyUtils.readPrivateKey("test-jwt/private.pem"));
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @Test
    void killingTheServiceDuringApprovalsLosesAndDuplicatesNoPublication() throws Exception {
        Map<String, String> settings = PackagedService.settings(database.getJdbcUrl("postgres", "postgres"));
        int port = PackagedService.freePort();
        AtomicReference<PackagedService> service = new AtomicReference<>(PackagedService.start(settings, "crash-safety", port));
        String base = "http://localhost:" + port;

        List<String> ids = new ArrayList<>();
        int wallets = 0;
        for (int i = 0; i < APPLICATIONS; i++) {
            Map<String, Object> body = Applications.individual();
            if (i % 3 == 0) {
                Applications.setWallets(body, Applications.freshAddress(), Applications.freshAddress());
            }
            wallets += ((List<?>) body.get("wallets")).size();
            ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(body)
                    .when().post(base + Applications.PATH).then().statusCode(201).extract();
            Applications.proveWallets(base, created.path("id"), created.path("statusToken"), body);
            given().header("X-Status-Token", (String) created.path("statusToken")).contentType("image/png").body(Applications.png())
                    .when().put(base + Applications.PATH + "/" + created.path("id") + "/documents/identity").then().statusCode(200);
            ids.add(created.path("id"));
        }

        Thread killer = new Thread(() -> {
            Random random = new Random(42);
            try {
                for (int k = 0; k < KILLS; k++) {
                    // kill while approvals are in flight: after this run's first decision, at a random moment
                    long before = count("SELECT count(*) FROM review_decision");
                    Instant wait = Instant.now().plusSeconds(30);
                    while (count("SELECT count(*) FROM review_decision") == before && Instant.now().isBefore(wait)) {
                        Thread.sleep(5);
                    }
                    Thread.sleep(random.nextInt(250));
                    service.get().kill();
                    service.set(PackagedService.start(settings, "crash-safety", port));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        killer.start();
        for (String id : ids) {
            approveDespiteCrashes(base, id);
        }
        killer.join();

        Instant deadline = Instant.now().plusSeconds(30);
        while (count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") > 0) {
            assertTrue(Instant.now().isBefore(deadline), "the outbox drains after the restarts");
            Thread.sleep(200);
        }
        assertEquals(APPLICATIONS, count("SELECT count(*) FROM application WHERE status = 'APPROVED'"));
        assertEquals(wallets, count("SELECT count(*) FROM whitelist_entry WHERE status = 'ACTIVE'"), "every approved wallet is ACTIVE");
        assertEquals(wallets, count("SELECT count(*) FROM outbox_event WHERE type = 'WHITELIST_ACTIVATED'"), "one activation per wallet");
        assertEquals(0, count("SELECT count(*) FROM (SELECT address FROM outbox_event GROUP BY address HAVING count(*) > 1) d"));
        assertEquals(wallets, count("SELECT count(*) FROM audit_event WHERE action = 'PUBLISHED'"), "published once each");
        assertEquals(APPLICATIONS, count("SELECT count(*) FROM review_decision"), "one decision per application");
        service.get().stop();
    }

    /** Approves like a patient reviewer: on a lost connection, reloads and tries again. */
    static void approveDespiteCrashes(String base, String id) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            try {
                ExtractableResponse<Response> view = given().auth().oauth2(reviewer).when().get(base + "/api/v1/review/applications/" + id)
                        .then().extract();
                if (view.statusCode() == 200 && "APPROVED".equals(view.path("status"))) {
                    return;
                }
                if (view.statusCode() == 200) {
                    given().auth().oauth2(reviewer).contentType(ContentType.JSON).header("If-Match", view.header("ETag"))
                            .body(Map.of("decision", "APPROVE")).when().post(base + "/api/v1/review/applications/" + id + "/decision");
                    continue;
                }
            } catch (Exception connectionLost) {
                // the service is down: wait for it
            }
            Thread.sleep(100);
        }
        throw new AssertionError("could not approve " + id);
    }

    static long count(String sql) throws Exception {
        try (Connection c = database.getPostgresDatabase().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
