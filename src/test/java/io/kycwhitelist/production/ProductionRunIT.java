package io.kycwhitelist.production;

import static io.kycwhitelist.support.Applications.individual;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.PackagedService;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged application in its production profile, as an operator runs it: against an
 * external PostgreSQL (here a separately started server), never an embedded one, keeping every
 * application across restarts, and refusing to start without its settings.
 */
class ProductionRunIT {

    static EmbeddedPostgres external;

    @BeforeAll
    static void startExternalDatabase() throws IOException {
        external = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopExternalDatabase() throws IOException {
        external.close();
    }

    static String refusedStart(Map<String, String> settings, String name) throws Exception {
        Path log = Path.of("target", name + ".log");
        Files.deleteIfExists(log);
        Process process = PackagedService.command(settings, log, PackagedService.freePort(), PackagedService.freePort()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "it stops by itself");
        assertEquals(1, process.exitValue());
        return PackagedService.read(log);
    }

    @Test
    void productionRefusesToStartWithoutItsSettingsAndNamesEachOne() throws Exception {
        String output = refusedStart(Map.of(), "production-run-missing-settings");
        PackagedService.REQUIRED_SETTINGS.forEach(setting -> assertTrue(output.contains(setting), setting + " is named in: " + output));
        assertFalse(output.contains("EmbeddedPostgres"), "production never starts an embedded database");
    }

    @Test
    void productionRefusesTheDevelopmentKey() throws Exception {
        Map<String, String> settings = PackagedService.settings(external.getJdbcUrl("postgres", "postgres"));
        settings.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", Path.of("dev/jwt/dev-public.pem").toAbsolutePath().toString());
        String output = refusedStart(settings, "production-run-dev-key");
        assertTrue(output.contains("development key"), output);
    }

    @Test
    void everyApplicationSurvivesARestartOfTheService() throws Exception {
        Map<String, String> settings = PackagedService.settings(external.getJdbcUrl("postgres", "postgres"));
        PackagedService first = PackagedService.start(settings, "production-run");
        Map<String, Object> body = individual();
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(body)
                .when().post(first.url(Applications.PATH)).then().statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("statusToken");
        given().when().get(first.url("/dev/token?role=admin")).then().statusCode(404);
        Applications.proveWallets(first.url(""), id, token, body);
        first.stop();

        PackagedService second = PackagedService.start(settings, "production-run");
        given().header("X-Status-Token", token).when().get(second.url(Applications.PATH + "/" + id))
                .then().statusCode(200).body("status", equalTo("PENDING_DOCUMENT"));
        given().header("X-Status-Token", token).contentType("image/png").body(Applications.png())
                .when().put(second.url(Applications.PATH + "/" + id + "/documents/identity"))
                .then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        // the wallet is still claimed: the same wallet in a new application is refused
        given().contentType(ContentType.JSON).body(body).when().post(second.url(Applications.PATH)).then().statusCode(409);
        second.stop();

        PackagedService third = PackagedService.start(settings, "production-run");
        given().header("X-Status-Token", token).when().get(third.url(Applications.PATH + "/" + id))
                .then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        // health, metrics and the API description are on the management interface only, never on the public port
        for (String internal : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            given().when().get(third.url(internal)).then().statusCode(404).contentType("application/problem+json");
        }
        given().when().get(third.managementUrl("/q/metrics")).then().statusCode(200);
        third.stop();
        for (PackagedService run : List.of(first, second, third)) {
            String output = PackagedService.read(run.log());
            assertFalse(output.contains("EmbeddedPostgres"), "production uses the external database only");
            assertTrue(output.lines().anyMatch(l -> l.startsWith("{") && l.contains("\"message\":\"Profile prod activated")),
                    "production logs are JSON: " + output);
            for (String personal : List.of("ukasiewicz", "C01X00T47", "1990-04-12", "applicant@example.org")) {
                assertFalse(output.contains(personal), "personal data in the production log: " + personal);
            }
        }
    }
}
