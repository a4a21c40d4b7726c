package io.kycwhitelist.production;

import static io.kycwhitelist.support.Applications.individual;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.PackagedService;
import io.kycwhitelist.support.Eventually;
import io.kycwhitelist.support.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under the packaged service and comes back: meanwhile the service reports
 * not ready, refuses writes and reads of the database with 503 problem+json (no stack trace) and
 * keeps answering exchanges from its replica; afterwards it recovers by itself and everything it
 * acknowledged before is there.
 */
class DatabaseOutageIT {

    static EmbeddedPostgres start(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    static void await(String what, BooleanSupplier condition) {
        Eventually.until(what, Duration.ofSeconds(60), condition);
    }

    @Test
    void theServiceSaysItIsNotReadyRefusesWith503AndRecoversLosingNothing() throws Exception {
        Path data = Files.createTempDirectory("kyc-outage-db");
        int dbPort = PackagedService.freePort();
        EmbeddedPostgres db = start(data, dbPort);
        PackagedService service = PackagedService.start(PackagedService.settings(db.getJdbcUrl("postgres", "postgres")), "database-outage");
        try {
            // acknowledged before the outage: an application, and an approved wallet
            Map<String, Object> body = individual();
            ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(body)
                    .when().post(service.url(Applications.PATH)).then().statusCode(201).extract();
            String id = created.path("id");
            String token = created.path("statusToken");
            Applications.proveWallets(service.url(""), id, token, body);
            given().header("X-Status-Token", token).contentType("image/png").body(Applications.png())
                    .when().put(service.url(Applications.PATH + "/" + id + "/documents/identity")).then().statusCode(200);
            String reviewer = Tokens.reviewer();
            String etag = given().auth().oauth2(reviewer).when().get(service.url("/api/v1/review/applications/" + id)).then().extract().header("ETag");
            given().auth().oauth2(reviewer).header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                    .when().post(service.url("/api/v1/review/applications/" + id + "/decision")).then().statusCode(200);
            String wallet = Applications.walletAddress(body, 0);
            String check = service.url("/api/v1/whitelist/" + wallet);
            await("the wallet is ACTIVE", () -> "ACTIVE".equals(given().auth().oauth2(Tokens.exchange()).when().get(check).then().extract().path("status")));

            db.close(); // the outage
            await("the service reports not ready", () -> given().when().get(service.managementUrl("/q/health/ready")).then().extract().statusCode() == 503);
            given().when().get(service.managementUrl("/q/health/ready")).then().statusCode(503).body("status", equalTo("DOWN"));
            given().contentType(ContentType.JSON).body(individual()).when().post(service.url(Applications.PATH)).then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("/problems/service-unavailable"))
                    .body("detail", containsString("nothing was changed"))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("org.")))
                    .body(not(containsString("SQL")));
            given().header("X-Status-Token", token).when().get(service.url(Applications.PATH + "/" + id)).then().statusCode(503);
            given().auth().oauth2(reviewer).when().get(service.url("/api/v1/review/applications")).then().statusCode(503);
            // exchanges are answered from the replica in memory
            given().auth().oauth2(Tokens.exchange()).when().get(check).then().statusCode(200).body("status", equalTo("ACTIVE"));

            db = start(data, dbPort); // it comes back
            await("the service is ready again", () -> given().when().get(service.managementUrl("/q/health/ready")).then().extract().statusCode() == 200);
            given().header("X-Status-Token", token).when().get(service.url(Applications.PATH + "/" + id)).then()
                    .statusCode(200).body("status", equalTo("APPROVED"));
            given().contentType(ContentType.JSON).body(individual()).when().post(service.url(Applications.PATH)).then().statusCode(201);
            given().auth().oauth2(Tokens.exchange()).when().get(check).then().statusCode(200).body("status", equalTo("ACTIVE"));
            String log = PackagedService.read(service.log());
            assertTrue(log.contains("The database is unavailable: request refused with 503"), "the refusals are logged");
        } finally {
            service.stop();
            db.close();
        }
    }
}
