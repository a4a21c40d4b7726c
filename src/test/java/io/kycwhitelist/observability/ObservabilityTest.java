package io.kycwhitelist.observability;

import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Reviews.approve;
import static io.kycwhitelist.support.Reviews.pendingReview;
import static io.kycwhitelist.support.Reviews.whitelist;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycwhitelist.support.Management;
import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.Eventually;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What an operator watches: Prometheus metrics at /q/metrics and the health checks. */
@QuarkusTest
class ObservabilityTest {

    static String metrics() {
        return given().when().get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
    }

    /** The value of one series, 0 when absent. */
    static double value(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void outcomesReasonsAndDecisionsAreCounted() {
        String before = metrics();
        Map<String, Object> us = individual();
        us.put("citizenships", new ArrayList<>(List.of("US")));
        Applications.submit(us).statusCode(201).body("status", equalTo("REJECTED"));
        Map<String, Object> body = individual();
        String id = pendingReview(body);
        approve(id, Tokens.reviewer()).statusCode(200);
        whitelist(Applications.walletAddress(body, 0)).statusCode(200);

        String after = metrics();
        String rejected = "kyc_applications_total{applicantType=\"INDIVIDUAL\",outcome=\"REJECTED\"}";
        String pending = "kyc_applications_total{applicantType=\"INDIVIDUAL\",outcome=\"PENDING_DOCUMENT\"}";
        String reason = "kyc_application_reasons_total{reason=\"RESTRICTED_CITIZENSHIP\"}";
        String approved = "kyc_review_decisions_total{decision=\"APPROVE\",result=\"APPROVED\"}";
        assertTrue(value(after, rejected) >= value(before, rejected) + 1, rejected);
        assertTrue(value(after, pending) >= value(before, pending) + 1, pending);
        assertTrue(value(after, reason) >= value(before, reason) + 1, reason);
        assertTrue(value(after, approved) >= value(before, approved) + 1, approved);
        assertTrue(after.contains("kyc_whitelist_check_seconds_bucket{le="), "a latency histogram of the exchange check");
        assertTrue(value(after, "kyc_whitelist_check_seconds_count") >= 1);
        for (String gauge : List.of("kyc_review_queue_depth", "kyc_review_queue_oldest_age_seconds", "kyc_outbox_backlog", "kyc_outbox_oldest_age_seconds")) {
            assertTrue(after.contains("\n" + gauge + " "), gauge);
        }
    }

    @Test
    void theQueueDepthFollowsTheQueue() {
        pendingReview(individual());
        Eventually.until("the queue depth gauge shows the waiting application", Duration.ofSeconds(10),
                () -> value(metrics(), "kyc_review_queue_depth") >= 1);
    }

    @Test
    void healthMetricsAndTheApiDescriptionAreNotOnThePublicInterface() {
        for (String internal : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            given().when().get(internal).then().statusCode(404).contentType("application/problem+json");
        }
        given().when().get(Management.url("/q/swagger-ui/")).then().statusCode(200);
    }

    @Test
    void healthReportsTheDatabaseAndTheOutbox() {
        given().when().get(Management.url("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().when().get(Management.url("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(Management.url("/q/health/well")).then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.maxAgeSeconds", equalTo(300));
        given().when().get(Management.url("/q/health")).then().statusCode(200).body("checks.name", hasItem("outbox"));
    }
}
