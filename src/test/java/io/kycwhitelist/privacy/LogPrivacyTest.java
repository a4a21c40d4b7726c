package io.kycwhitelist.privacy;

import static io.kycwhitelist.support.Applications.child;
import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Reviews.approve;
import static io.kycwhitelist.support.Reviews.decide;
import static io.kycwhitelist.support.Reviews.view;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Runs whole flows with personal data no other test uses (apply, prove, upload, review with a
 * sanctions hit dismissed, approve, reject, a refused request), then reads everything the
 * service logged (target/quarkus-test.log) and finds none of it.
 */
@QuarkusTest
class LogPrivacyTest {

    static final Path LOG = Path.of("target/quarkus-test.log");

    @Test
    void theServiceLogsNoNameIdNumberBirthDateEmailOrDocument() throws IOException {
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        String surname = "Privatissima" + unique.toLowerCase(Locale.ROOT);
        String idNumber = "P" + unique;
        String email = "secret." + unique.toLowerCase(Locale.ROOT) + "@example.org";
        String birthDate = "1977-03-25";
        String documentMarker = "DOCUMENT-CONTENT-" + unique;

        // an application with a sanctions hit (YAN, Xiaobing, born 1977-03-25), dismissed and approved by two reviewers
        Map<String, Object> body = individual();
        body.put("fullLegalName", "Xiaobing " + surname + " Yan");
        body.put("dateOfBirth", birthDate);
        body.put("email", email);
        child(body, "idDocument").put("number", idNumber);
        ExtractableResponse<Response> created = Applications.submit(body).statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("statusToken");
        Applications.proveWallets(id, token, body);
        byte[] pdf = ("%PDF-1.4\n% " + documentMarker + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        Applications.upload(id, token, "identity", "application/pdf", pdf).statusCode(200);
        String alice = Tokens.reviewer("alice@example.org");
        ExtractableResponse<Response> seen = view(id, alice);
        given().auth().oauth2(alice).contentType(ContentType.JSON).header("If-Match", seen.header("ETag"))
                .body(Map.of("reason", "Different person: " + surname))
                .when().post("/api/v1/review/applications/" + id + "/sanctions-hits/" + seen.path("sanctions.hits[0].id") + "/dismissal")
                .then().statusCode(200);
        approve(id, alice).statusCode(200);
        approve(id, Tokens.reviewer("bob@example.org")).statusCode(200).body("status", equalTo("APPROVED"));

        // a second one rejected by a reviewer, and a request refused for its content
        Map<String, Object> other = individual();
        other.put("fullLegalName", "Ottilie " + surname);
        other.put("email", email);
        child(other, "idDocument").put("number", idNumber + "X");
        String rejected = io.kycwhitelist.support.Reviews.pendingReview(other);
        decide(rejected, alice, view(rejected, alice).header("ETag"), "REJECT", "Photo does not match " + surname).statusCode(200);
        Map<String, Object> invalid = individual();
        invalid.put("fullLegalName", surname);
        invalid.put("dateOfBirth", "25.03.1977");
        Applications.submit(invalid).statusCode(400);

        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertTrue(log.contains("Application " + id), "the log file is the service's log, and has the flow in it");
        for (String personal : List.of(surname, surname.toUpperCase(Locale.ROOT), idNumber, email, birthDate, "25.03.1977", documentMarker, "Xiaobing")) {
            assertFalse(log.contains(personal), "the log contains personal data: " + personal);
        }
    }
}
