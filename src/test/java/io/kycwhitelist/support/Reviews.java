package io.kycwhitelist.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;

/** The reviewers' and exchanges' calls, for the tests. */
public final class Reviews {

    public static final String REVIEW = "/api/v1/review/applications";

    private Reviews() {}

    /** An application submitted, its wallets proven and its identity document uploaded: PENDING_REVIEW. */
    public static String pendingReview(Map<String, Object> body) {
        ExtractableResponse<Response> created = Applications.submit(body).statusCode(201).extract();
        String id = created.path("id");
        Applications.proveWallets(id, created.path("statusToken"), body);
        Applications.upload(id, created.path("statusToken"), "identity", "image/png", Applications.png()).statusCode(200);
        return id;
    }

    public static ExtractableResponse<Response> view(String id, String token) {
        return given().auth().oauth2(token).when().get(REVIEW + "/" + id).then().statusCode(200).extract();
    }

    public static ValidatableResponse decide(String id, String token, String etag, String decision, String reason) {
        return decision(REVIEW + "/" + id, token, etag, decision, reason);
    }

    /** A reviewer's decision on the case (application or renewal) at {@code path}, as seen in {@code etag} (null: no If-Match). */
    private static ValidatableResponse decision(String path, String token, String etag, String decision, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.when().post(path + "/decision").then();
    }

    /** Approves with the current ETag. */
    public static ValidatableResponse approve(String id, String reviewerToken) {
        return decide(id, reviewerToken, view(id, reviewerToken).header("ETag"), "APPROVE", null);
    }

    public static final String RENEWALS = "/api/v1/review/renewals";

    /** A reviewer's decision on a renewal, with the ETag of the renewal as the reviewer saw it (none: no If-Match). */
    public static ValidatableResponse decideRenewal(String renewalId, String token, String etag, String decision, String reason) {
        return decision(RENEWALS + "/" + renewalId, token, etag, decision, reason);
    }

    /** Approves a renewal with its current ETag. */
    public static ValidatableResponse approveRenewal(String renewalId, String token) {
        return decideRenewal(renewalId, token, renewalEtag(renewalId, token), "APPROVE", null);
    }

    public static String renewalEtag(String renewalId, String token) {
        return given().auth().oauth2(token).when().get(RENEWALS + "/" + renewalId).then().statusCode(200).extract().header("ETag");
    }

    public static ValidatableResponse whitelist(String address) {
        return given().auth().oauth2(Tokens.exchange()).when().get("/api/v1/whitelist/" + address).then();
    }
}
