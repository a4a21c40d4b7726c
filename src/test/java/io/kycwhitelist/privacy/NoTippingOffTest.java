package io.kycwhitelist.privacy;

import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Reviews.REVIEW;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.Reviews;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No tipping off: an applicant whose name possibly matches a sanctions list, and whose application
 * therefore waits for a second reviewer, sees exactly what a clean applicant sees. The answers
 * are compared byte for byte once ids, tokens and times are set aside.
 */
@QuarkusTest
class NoTippingOffTest {

    record Case(String id, String token, Map<String, Object> body) {}

    static Case submitted(Map<String, Object> body, StringBuilder answer) {
        ExtractableResponse<Response> created = Applications.submit(body).statusCode(201).extract();
        answer.append(created.asString());
        return new Case(created.path("id"), created.path("statusToken"), body);
    }

    static String inReview(Case c) {
        Applications.proveWallets(c.id(), c.token(), c.body());
        return Applications.upload(c.id(), c.token(), "identity", "image/png", Applications.png()).statusCode(200).extract().asString();
    }

    static String status(Case c) {
        return Applications.status(c.id(), c.token()).statusCode(200).extract().asString();
    }

    /** The answer with its ids, token, submission time and wallet address replaced by placeholders. */
    static String neutral(String answer, Case c) {
        return answer.replace(c.id(), "<id>").replace(c.token(), "<token>")
                .replace(Applications.walletAddress(c.body(), 0), "<wallet>")
                .replaceAll("\"createdAt\":\"[^\"]+\"", "\"createdAt\":\"<time>\""); // the only time shown: when it was submitted
    }

    @Test
    void aPossibleSanctionsMatchAndASecondApprovalLookExactlyLikeAnOrdinaryReview() {
        Map<String, Object> listed = individual();
        listed.put("fullLegalName", "Xiaobing Yan"); // OFAC SDN entry 25308
        listed.put("dateOfBirth", "1977-03-25");
        StringBuilder flaggedAnswer = new StringBuilder();
        StringBuilder cleanAnswer = new StringBuilder();
        Case flagged = submitted(listed, flaggedAnswer);
        Case clean = submitted(individual(), cleanAnswer);
        assertEquals(neutral(cleanAnswer.toString(), clean), neutral(flaggedAnswer.toString(), flagged), "the answers to the submissions");
        assertEquals(neutral(status(clean), clean), neutral(status(flagged), flagged), "waiting for documents");

        assertEquals(neutral(inReview(clean), clean), neutral(inReview(flagged), flagged), "the answers to the uploads");
        given().auth().oauth2(Tokens.reviewer()).when().get(REVIEW + "/" + flagged.id()).then().statusCode(200)
                .body("flags", hasItem("SANCTIONS_POTENTIAL_MATCH"));
        assertEquals(neutral(status(clean), clean), neutral(status(flagged), flagged), "in review");

        // the flagged one goes on to a second approval once its hit is dismissed; the clean one still waits for its first
        String etag = Reviews.view(flagged.id(), Tokens.reviewer()).header("ETag");
        String hit = Reviews.view(flagged.id(), Tokens.reviewer()).path("sanctions.hits[0].id");
        given().auth().oauth2(Tokens.reviewer()).contentType("application/json").header("If-Match", etag)
                .body(Map.of("reason", "Other date of birth on the passport.")).when()
                .post(REVIEW + "/" + flagged.id() + "/sanctions-hits/" + hit + "/dismissal").then().statusCode(200);
        Reviews.approve(flagged.id(), Tokens.reviewer("alice@example.org")).statusCode(200).body("status", equalTo("PENDING_SECOND_APPROVAL"));
        String seen = status(flagged);
        assertEquals(neutral(status(clean), clean), neutral(seen, flagged), "a second approval pending");
        assertEquals("IN_REVIEW", io.restassured.path.json.JsonPath.from(seen).getString("status"));
    }
}
