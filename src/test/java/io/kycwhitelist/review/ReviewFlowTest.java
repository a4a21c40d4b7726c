package io.kycwhitelist.review;

import static io.kycwhitelist.support.Applications.child;
import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.kycwhitelist.support.Reviews.REVIEW;
import static io.kycwhitelist.support.Reviews.approve;
import static io.kycwhitelist.support.Reviews.decide;
import static io.kycwhitelist.support.Reviews.pendingReview;
import static io.kycwhitelist.support.Reviews.view;
import static io.kycwhitelist.support.Reviews.whitelist;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reviewers working the queue: evidence, If-Match, four eyes, and what their decisions publish. */
@QuarkusTest
class ReviewFlowTest {

    static final String ALICE = Tokens.reviewer("alice@example.org");
    static final String BOB = Tokens.reviewer("bob@example.org");

    @BeforeAll
    static void readableFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theQueueIsOldestFirstAndPagesWithoutGapsOrRepeats() {
        List<String> mine = List.of(pendingReview(individual()), pendingReview(individual()), pendingReview(individual()));
        List<String> seen = new ArrayList<>();
        List<String> times = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(ALICE).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = request.when().get(REVIEW).then().statusCode(200).extract();
            List<String> ids = page.path("items.id");
            assertTrue(ids.size() <= 2);
            seen.addAll(ids);
            times.addAll(page.path("items.submittedAt"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(seen.size(), seen.stream().distinct().count(), "no application twice");
        assertTrue(seen.containsAll(mine));
        assertTrue(seen.indexOf(mine.get(0)) < seen.indexOf(mine.get(1)) && seen.indexOf(mine.get(1)) < seen.indexOf(mine.get(2)));
        List<String> sorted = new ArrayList<>(times);
        sorted.sort(null);
        assertEquals(sorted, times, "oldest first");
    }

    @Test
    void theQueueItemShowsNameResidenceFlagsAndTime() {
        Map<String, Object> body = individual();
        child(body, "idDocument").put("issuingCountry", "AT");
        String id = pendingReview(body);
        String cursor = null;
        Map<String, Object> item = null;
        while (item == null) {
            var request = given().auth().oauth2(ALICE).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = request.when().get(REVIEW).then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            item = items.stream().filter(i -> id.equals(i.get("id"))).findFirst().orElse(null);
            cursor = page.path("nextCursor");
            if (item == null && cursor == null) {
                throw new AssertionError("not in the queue");
            }
        }
        assertEquals("Zoë Łukasiewicz", item.get("name"));
        assertEquals("DE", item.get("countryOfResidence"));
        assertEquals(List.of("DOCUMENT_NATIONALITY_MISMATCH"), item.get("flags"));
        assertEquals("PENDING_REVIEW", item.get("status"));
    }

    @Test
    void aBadCursorOrLimitIs400() {
        given().auth().oauth2(ALICE).queryParam("cursor", "garbage").when().get(REVIEW).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ALICE).queryParam("limit", 0).when().get(REVIEW).then().statusCode(400);
        given().auth().oauth2(ALICE).queryParam("limit", 101).when().get(REVIEW).then().statusCode(400);
        given().auth().oauth2(ALICE).queryParam("limit", "ten").when().get(REVIEW).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ALICE).queryParam("status", "NONSENSE").when().get(REVIEW).then().statusCode(400)
                .body("detail", containsString("PENDING_SECOND_APPROVAL"));
    }

    @Test
    void theReviewerSeesTheEvidenceAndTheDocumentBytes() {
        Map<String, Object> body = individual();
        String id = pendingReview(body);
        ExtractableResponse<Response> view = view(id, ALICE);
        assertTrue(view.header("ETag").matches("\"\\d+\""));
        assertEquals("Zoë Łukasiewicz", view.path("person.fullLegalName"));
        assertEquals("1990-04-12", view.path("person.dateOfBirth"));
        assertEquals("C01X00T47", view.path("person.idDocument.number"));
        assertEquals(walletAddress(body, 0), view.path("wallets[0].address"));
        assertEquals("2026-11-22.1", view.path("policyVersion"));
        assertEquals("identity", view.path("documents[0].kind"));
        assertEquals(1, (int) view.path("approvalsRequired"));
        assertEquals(List.of(), view.path("decisions"));
        byte[] bytes = given().auth().oauth2(ALICE).when().get(REVIEW + "/" + id + "/documents/identity").then()
                .statusCode(200).contentType("image/png").header("Cache-Control", "no-store").extract().asByteArray();
        assertArrayEquals(Applications.png(), bytes);
        given().auth().oauth2(ALICE).when().get(REVIEW + "/" + id + "/documents/professional-investor-evidence").then().statusCode(404);
    }

    @Test
    void ifMatchIsRequiredAndMustBeCurrent() {
        String id = pendingReview(individual());
        decide(id, ALICE, null, "APPROVE", null).statusCode(428).contentType("application/problem+json");
        decide(id, ALICE, "\"999\"", "APPROVE", null).statusCode(412).body("detail", containsString("Someone else changed"));
        view(id, ALICE);
    }

    @Test
    void anApplicationThatAwaitsNoDecisionIs409() {
        ExtractableResponse<Response> created = Applications.submit(individual()).statusCode(201).extract();
        String id = created.path("id");
        decide(id, ALICE, view(id, ALICE).header("ETag"), "APPROVE", null).statusCode(409);
        String approved = pendingReview(individual());
        approve(approved, ALICE).statusCode(200);
        decide(approved, BOB, view(approved, BOB).header("ETag"), "REJECT", "too late").statusCode(409);
    }

    @Test
    void anUnknownApplicationIs404() {
        decide(java.util.UUID.randomUUID().toString(), ALICE, "\"0\"", "APPROVE", null).statusCode(404);
    }

    @Test
    void anApprovalPublishesEveryWalletUntilTheDocumentExpires() {
        Map<String, Object> body = individual();
        Applications.setWallets(body, Applications.freshAddress(), Applications.freshAddress().toLowerCase());
        String id = pendingReview(body);
        ExtractableResponse<Response> decided = approve(id, ALICE).statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decisions[0].reviewer", equalTo("alice@example.org"))
                .body("decisions[0].decision", equalTo("APPROVE"))
                .extract();
        assertNotEquals(view(id, ALICE).header("ETag"), "\"0\"");
        assertEquals(decided.header("ETag"), view(id, ALICE).header("ETag"));
        for (int i = 0; i < 2; i++) {
            whitelist(walletAddress(body, i)).statusCode(200)
                    .body("whitelisted", equalTo(true))
                    .body("status", equalTo("ACTIVE"))
                    .body("expiresAt", equalTo("2031-09-01T00:00:00Z"));
        }
    }

    @Test
    void aFlaggedApplicationNeedsTwoDifferentReviewers() {
        Map<String, Object> body = individual();
        child(body, "idDocument").put("issuingCountry", "AT");
        String id = pendingReview(body);
        approve(id, ALICE).statusCode(200).body("status", equalTo("PENDING_SECOND_APPROVAL")).body("approvalsRequired", equalTo(2));
        whitelist(walletAddress(body, 0)).body("status", equalTo("NOT_LISTED"));
        approve(id, ALICE).statusCode(403).contentType("application/problem+json").body("detail", containsString("another reviewer"));
        approve(id, BOB).statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decisions.reviewer", contains("alice@example.org", "bob@example.org"));
        whitelist(walletAddress(body, 0)).body("status", equalTo("ACTIVE"));
    }

    @Test
    void oneRejectionSufficesAndNeedsAReason() {
        Map<String, Object> body = individual();
        child(body, "idDocument").put("issuingCountry", "AT");
        String id = pendingReview(body);
        approve(id, ALICE).statusCode(200);
        String etag = view(id, BOB).header("ETag");
        decide(id, BOB, etag, "REJECT", null).statusCode(400).body("errors[0].field", equalTo("reason"));
        decide(id, BOB, etag, "REJECT", "   ").statusCode(400);
        decide(id, BOB, etag, "REJECT", "The passport photo is not the applicant.").statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("decisions[1].reason", equalTo("The passport photo is not the applicant."));
        whitelist(walletAddress(body, 0)).body("status", equalTo("NOT_LISTED"));
        // the rejected application no longer holds its wallet
        Map<String, Object> again = individual();
        again.put("wallets", body.get("wallets"));
        Applications.submit(again).statusCode(201);
    }

    @Test
    void twoReviewersDecidingAtOnceExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = pendingReview(individual());
            String etag = view(id, ALICE).header("ETag");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Integer>> calls = List.of(
                        () -> { start.await(); return decide(id, ALICE, etag, "APPROVE", null).extract().statusCode(); },
                        () -> { start.await(); return decide(id, BOB, etag, "REJECT", "duplicate").extract().statusCode(); });
                List<Future<Integer>> results = new ArrayList<>();
                calls.forEach(c -> results.add(pool.submit(c)));
                start.countDown();
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> f : results) {
                    codes.add(f.get());
                }
                codes.sort(null);
                assertEquals(List.of(200, 412), codes);
                given().auth().oauth2(ALICE).when().get(REVIEW + "/" + id).then().body("decisions", hasSize(1));
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void anOrganisationShowsItsRepresentative() {
        String id = pendingReview(Applications.organization());
        view(id, ALICE);
        given().auth().oauth2(ALICE).when().get(REVIEW + "/" + id).then()
                .body("organization.legalName", equalTo("Nordlicht Capital GmbH"))
                .body("person.fullLegalName", equalTo("Jonas Weber"))
                .body(not(containsString("statusToken")));
    }

    @Test
    void theIdDocumentExpiryBoundsTheEntry() {
        Map<String, Object> body = individual();
        String expiry = LocalDate.now(ZoneOffset.UTC).plusYears(2).toString();
        child(body, "idDocument").put("expiryDate", expiry);
        approve(pendingReview(body), ALICE).statusCode(200);
        whitelist(walletAddress(body, 0)).body("expiresAt", equalTo(LocalDate.parse(expiry).plusDays(1) + "T00:00:00Z"));
    }
}
