package io.kycwhitelist.production;

import static io.kycwhitelist.support.Applications.individual;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycwhitelist.support.Applications;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    static final Path JAR = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));
    static final List<String> SETTINGS = List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "KYC_STATUS_TOKEN_SECRET", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER");
    static EmbeddedPostgres external;
    static int runs;

    @BeforeAll
    static void startExternalDatabase() throws IOException {
        external = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopExternalDatabase() throws IOException {
        external.close();
    }

    record Service(Process process, Path log, int port) {
        String url(String path) {
            return "http://localhost:" + port + path;
        }

        void stop() throws InterruptedException {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the service stops on SIGTERM");
        }
    }

    static ProcessBuilder command(Map<String, String> settings, Path log, int port) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toAbsolutePath().toString());
        SETTINGS.forEach(builder.environment()::remove);
        builder.environment().remove("QUARKUS_PROFILE");
        builder.environment().putAll(settings);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder;
    }

    static Map<String, String> settings() {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", external.getJdbcUrl("postgres", "postgres"),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "KYC_STATUS_TOKEN_SECRET", "integration-test-secret-0123456789abcdef",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", Path.of("src/test/resources/test-jwt/public.pem").toAbsolutePath().toString(),
                "MP_JWT_VERIFY_ISSUER", "https://test.kyc-whitelist.local");
    }

    static Service start() throws Exception {
        int port = freePort();
        Path log = Path.of("target", "production-run-" + (++runs) + ".log");
        Process process = command(settings(), log, port).start();
        Service service = new Service(process, log, port);
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), () -> "the service died: " + read(log));
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(service.url("/q/health/ready"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return service;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("the service did not become ready: " + read(log));
    }

    @Test
    void productionRefusesToStartWithoutItsSettingsAndNamesEachOne() throws Exception {
        Path log = Path.of("target", "production-run-missing-settings.log");
        Process process = command(Map.of(), log, freePort()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "it stops by itself");
        assertEquals(1, process.exitValue());
        String output = read(log);
        SETTINGS.forEach(setting -> assertTrue(output.contains(setting), setting + " is named in: " + output));
        assertFalse(output.contains("EmbeddedPostgres"), "production never starts an embedded database");
    }

    @Test
    void productionRefusesTheDevelopmentKey() throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(settings());
        settings.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", Path.of("dev/jwt/dev-public.pem").toAbsolutePath().toString());
        Path log = Path.of("target", "production-run-dev-key.log");
        Process process = command(settings, log, freePort()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "it stops by itself");
        assertEquals(1, process.exitValue());
        assertTrue(read(log).contains("development key"), read(log));
    }

    @Test
    void everyApplicationSurvivesARestartOfTheService() throws Exception {
        Service first = start();
        Map<String, Object> body = individual();
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(body)
                .when().post(first.url(Applications.PATH)).then().statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("statusToken");
        given().when().get(first.url("/dev/token?role=admin")).then().statusCode(404);
        first.stop();

        Service second = start();
        given().header("X-Status-Token", token).when().get(second.url(Applications.PATH + "/" + id))
                .then().statusCode(200).body("status", equalTo("PENDING_DOCUMENT"));
        given().header("X-Status-Token", token).contentType("image/png").body(Applications.png())
                .when().put(second.url(Applications.PATH + "/" + id + "/documents/identity"))
                .then().statusCode(200).body("status", equalTo("PENDING_REVIEW"));
        // the wallet is still claimed: the same wallet in a new application is refused
        given().contentType(ContentType.JSON).body(body).when().post(second.url(Applications.PATH)).then().statusCode(409);
        second.stop();

        Service third = start();
        given().header("X-Status-Token", token).when().get(third.url(Applications.PATH + "/" + id))
                .then().statusCode(200).body("status", equalTo("PENDING_REVIEW"));
        third.stop();
        for (Path log : List.of(first.log(), second.log(), third.log())) {
            String output = read(log);
            assertFalse(output.contains("EmbeddedPostgres"), "production uses the external database only");
            assertTrue(output.contains("Profile prod activated"), output);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
