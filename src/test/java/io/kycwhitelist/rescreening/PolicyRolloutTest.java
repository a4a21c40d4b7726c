package io.kycwhitelist.rescreening;

import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.kycwhitelist.support.Reviews.approve;
import static io.kycwhitelist.support.Reviews.pendingReview;
import static io.kycwhitelist.support.Reviews.whitelist;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.Eventually;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A new policy version that restricts Iceland: what a dry run reports, and what putting it in
 * force does to the whitelist (entries SUSPENDED, open applications REJECTED), to exchanges, and
 * how admins reinstate an entry, four eyes.
 */
@QuarkusTest
@TestProfile(PolicyRolloutTest.PolicyFromFile.class)
class PolicyRolloutTest {

    @Inject
    AgroalDataSource dataSource;

    static final Path POLICY = Path.of("target/policy-rollout/jurisdictions.yaml").toAbsolutePath();

    public static class PolicyFromFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(POLICY.getParent());
                Files.writeString(POLICY, shipped());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("kyc.policy.path", POLICY.toString());
        }
    }

    static String shipped() {
        try (InputStream in = PolicyRolloutTest.class.getClassLoader().getResourceAsStream("policy/jurisdictions.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped policy with Iceland restricted, as version "test-rollout.2". */
    static String restrictingIceland() {
        String shipped = shipped();
        String candidate = shipped.replaceFirst("(?m)^version: .*$", "version: \"test-rollout.2\"")
                .replace("\nsubdivisions:", "  - code: IS\n    basis: restricted by the issuer after a change of Icelandic law\n\nsubdivisions:");
        assertTrue(candidate.contains("code: IS") && candidate.contains("test-rollout.2"), "the candidate policy differs from the shipped one");
        return candidate;
    }

    static Map<String, Object> icelandic() {
        Map<String, Object> body = individual();
        body.put("countryOfResidence", "IS");
        return body;
    }

    @Test
    void aNewPolicySuspendsRestrictedHoldersRejectsOpenApplicationsAndAdminsReinstateWithFourEyes() throws Exception {
        Map<String, Object> icelander = icelandic();
        approve(pendingReview(icelander), Tokens.reviewer()).statusCode(200);
        Map<String, Object> german = individual();
        approve(pendingReview(german), Tokens.reviewer()).statusCode(200);
        Map<String, Object> openIcelandic = icelandic();
        ExtractableResponse<Response> open = Applications.submit(openIcelandic).statusCode(201).extract();
        String openId = open.path("id");
        String openToken = open.path("statusToken");
        String suspendedAddress = walletAddress(icelander, 0);
        String activeAddress = walletAddress(german, 0);
        Eventually.until("both whitelisted", Duration.ofSeconds(10),
                () -> "ACTIVE".equals(whitelist(suspendedAddress).extract().path("status"))
                        && "ACTIVE".equals(whitelist(activeAddress).extract().path("status")));

        // The dry run tells what the candidate would change, and changes nothing.
        JsonPath report = dryRun(restrictingIceland(), Tokens.admin()).statusCode(200)
                .body("candidateVersion", equalTo("test-rollout.2"))
                .body("inForceVersion", not(equalTo("test-rollout.2")))
                .extract().jsonPath();
        List<Map<String, Object>> changes = report.getList("changes");
        assertTrue(changes.stream().anyMatch(c -> c.get("change").equals("SUSPEND") && ((List<?>) c.get("addresses")).contains(suspendedAddress)),
                "the Icelandic holder's entry would be suspended: " + changes);
        assertTrue(changes.stream().anyMatch(c -> c.get("change").equals("REJECT") && c.get("applicationId").equals(openId)),
                "the open Icelandic application would be rejected: " + changes);
        assertTrue(changes.stream().noneMatch(c -> ((List<?>) c.get("addresses")).contains(activeAddress)), "the German holder is unaffected");
        assertTrue(report.getInt("byReason.'RESTRICTED_RESIDENCE:IS'") >= 2, "counted by reason: " + report.getMap("byReason"));
        whitelist(suspendedAddress).statusCode(200).body("status", equalTo("ACTIVE"));
        Applications.status(openId, openToken).statusCode(200).body("status", equalTo("PENDING_DOCUMENT"));

        dryRun("version: [unclosed", Tokens.admin()).statusCode(422).contentType("application/problem+json").body("type", equalTo("/problems/policy-invalid"));
        dryRun(restrictingIceland(), Tokens.reviewer()).statusCode(403);

        // A broken file is refused on reload and the policy in use stays in force.
        Files.writeString(POLICY, "countries: 42\n");
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/policy/reload")
                .then().statusCode(422).body("type", equalTo("/problems/policy-invalid"));
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/policy").then().statusCode(200)
                .body("version", equalTo(report.getString("inForceVersion")));

        // The start's own re-screening (of the policy and lists it started with) is done first: the
        // new policy's then needs no name screening, the lists being the same.
        Eventually.until("the start's re-screening finished", Duration.ofSeconds(30), () -> given().auth().oauth2(Tokens.admin())
                .when().get("/api/v1/admin/rescreenings").then().extract().jsonPath().getList("findAll { it.finishedAt != null }").size() > 0);

        // Put in force: the holder is suspended (published, audited), the open application rejected.
        Files.writeString(POLICY, restrictingIceland());
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/policy/reload").then().statusCode(200)
                .body("version", equalTo("test-rollout.2"))
                .body("sha256", equalTo(report.getString("candidateSha256")));
        Eventually.until("the Icelandic holder suspended", Duration.ofSeconds(20),
                () -> "SUSPENDED".equals(whitelist(suspendedAddress).extract().path("status")));
        whitelist(suspendedAddress).statusCode(200).body("whitelisted", equalTo(false));
        whitelist(activeAddress).statusCode(200).body("status", equalTo("ACTIVE"));
        transfer(activeAddress, suspendedAddress).body("code", equalTo(10)).body("name", equalTo("RECIPIENT_SUSPENDED"));
        transfer(suspendedAddress, activeAddress).body("code", equalTo(9)).body("name", equalTo("SENDER_SUSPENDED"));
        Applications.status(openId, openToken).statusCode(200).body("status", equalTo("REJECTED"))
                .body("policyVersion", equalTo("test-rollout.2"))
                .body("reasons.code", hasItem("RESTRICTED_RESIDENCE"));
        // An application an instance still on the old policy took in after the re-screening read
        // the open ones: a reviewer cannot approve it under the policy in force now.
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE application SET status = 'PENDING_REVIEW', reasons = '[]', version = version + 1 WHERE id = ?")) {
            s.setObject(1, java.util.UUID.fromString(openId));
            s.executeUpdate();
        }
        approve(openId, Tokens.reviewer()).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("The policy in force (test-rollout.2) restricts this applicant"));
        given().auth().oauth2(Tokens.admin()).queryParam("address", suspendedAddress).when().get("/api/v1/admin/audit").then().statusCode(200)
                .body("action", hasItems("SUSPENDED"))
                .body("find { it.action == 'SUSPENDED' }.policyVersion", equalTo("test-rollout.2"))
                .body("find { it.action == 'SUSPENDED' }.detail", containsString("RESTRICTED_RESIDENCE:IS"));
        // the suspension may be published before the run records its counts
        Eventually.until("the re-screening finished", Duration.ofSeconds(20), () -> given().auth().oauth2(Tokens.admin())
                .when().get("/api/v1/admin/rescreenings").then().extract().path("[0].finishedAt") != null);
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/rescreenings").then().statusCode(200)
                .body("[0].policyVersion", equalTo("test-rollout.2"))
                .body("[0].namesScreened", equalTo(false))
                .body("[0].entriesSuspended", equalTo(1))
                .body("[0].applicationsRejected", equalTo(1));

        // Reinstatement: asked by one admin, confirmed by another; the same admin cannot do both.
        String first = Tokens.admin();
        String second = Tokens.of("admin", "second-officer@example.org");
        Map<String, String> reason = Map.of("reason", "Moved to Norway in 2026: residence certificate checked.");
        reinstate(suspendedAddress, first, reason).statusCode(202).body("status", equalTo("SUSPENDED"))
                .body("requestedBy", equalTo("officer@example.org"));
        reinstate(suspendedAddress, first, reason).statusCode(409).body("detail", containsString("another admin"));
        whitelist(suspendedAddress).statusCode(200).body("status", equalTo("SUSPENDED"));
        reinstate(suspendedAddress, second, Map.of("reason", "Agreed.")).statusCode(200).body("status", equalTo("ACTIVE"))
                .body("confirmedBy", equalTo("second-officer@example.org"));
        Eventually.until("reinstated", Duration.ofSeconds(10), () -> "ACTIVE".equals(whitelist(suspendedAddress).extract().path("status")));
        reinstate(activeAddress, first, reason).statusCode(409).body("detail", containsString("only a SUSPENDED entry"));
        reinstate(suspendedAddress, first, Map.of()).statusCode(400);
        given().auth().oauth2(Tokens.admin()).queryParam("address", suspendedAddress).when().get("/api/v1/admin/audit").then().statusCode(200)
                .body("action", hasItems("REINSTATEMENT_REQUESTED", "REINSTATED"));

        // The same policy again starts no second re-screening, and the reinstated entry stays.
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/policy/reload").then().statusCode(200);
        JsonPath runs = given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/rescreenings").then().statusCode(200).extract().jsonPath();
        assertEquals(1, runs.getList("findAll { it.policyVersion == 'test-rollout.2' }").size(), "one re-screening per policy and lists");
        whitelist(suspendedAddress).statusCode(200).body("status", equalTo("ACTIVE"));
    }

    private static ValidatableResponse dryRun(String policy, String token) {
        return given().auth().oauth2(token).contentType("application/yaml").body(policy.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/admin/policy/dry-run").then();
    }

    private static ValidatableResponse transfer(String from, String to) {
        return given().auth().oauth2(Tokens.exchange()).queryParam("from", from).queryParam("to", to)
                .when().get("/api/v1/transfer-restrictions").then().statusCode(200);
    }

    private static ValidatableResponse reinstate(String address, String token, Map<String, String> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/admin/whitelist/" + address + "/reinstatement").then();
    }
}
