package io.kycwhitelist.renewal;

import static io.kycwhitelist.support.Applications.child;
import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.kycwhitelist.support.Reviews.RENEWALS;
import static io.kycwhitelist.support.Reviews.approveRenewal;
import static io.kycwhitelist.support.Reviews.decideRenewal;
import static io.kycwhitelist.support.Reviews.renewalEtag;
import static io.kycwhitelist.support.Reviews.whitelist;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.Eventually;
import io.kycwhitelist.support.Reviews;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A holder renews through the status link with a new identity document; reviewers decide it as they decide applications. */
@QuarkusTest
class RenewalTest {

    static final String ALICE = Tokens.reviewer("alice@example.org");
    static final String BOB = Tokens.reviewer("bob@example.org");

    @Inject
    AgroalDataSource dataSource;

    record Holder(String id, String token, String address) {}

    static Holder approvedHolder(Map<String, Object> body) {
        ExtractableResponse<Response> created = Applications.submit(body).statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("statusToken");
        Applications.proveWallets(id, token, body);
        Applications.upload(id, token, "identity", "image/png", Applications.png()).statusCode(200);
        if (created.<List<String>>path("missingDocuments").contains("professional-investor-evidence")) {
            Applications.upload(id, token, "professional-investor-evidence", "image/png", Applications.png()).statusCode(200);
            Reviews.approve(id, ALICE).statusCode(200);
            Reviews.approve(id, BOB).statusCode(200).body("status", equalTo("APPROVED"));
        } else {
            Reviews.approve(id, Tokens.reviewer()).statusCode(200).body("status", equalTo("APPROVED"));
        }
        String address = walletAddress(body, 0);
        Eventually.until("whitelisted", Duration.ofSeconds(10), () -> "ACTIVE".equals(whitelist(address).extract().path("status")));
        return new Holder(id, token, address);
    }

    static ValidatableResponse renew(Holder holder, String issuingCountry, LocalDate expiry) {
        Map<String, Object> document = new HashMap<>(Map.of("type", "PASSPORT", "number", "C01X00T99", "issuingCountry", issuingCountry,
                "expiryDate", expiry.toString()));
        return given().header("X-Status-Token", holder.token()).contentType(ContentType.JSON).body(Map.of("idDocument", document))
                .when().post(Applications.PATH + "/" + holder.id() + "/renewal").then();
    }

    static ValidatableResponse uploadRenewal(Holder holder, String kind, byte[] content) {
        return given().header("X-Status-Token", holder.token()).contentType("image/png").body(content)
                .when().put(Applications.PATH + "/" + holder.id() + "/renewal/documents/" + kind).then();
    }

    static ValidatableResponse holderView(Holder holder) {
        return given().header("X-Status-Token", holder.token()).when().get(Applications.PATH + "/" + holder.id() + "/renewal").then();
    }

    @Test
    void anExpiredHolderIsActiveAgainUntilTheNewDocumentsExpiryOnceAReviewerApprovesTheRenewal() throws Exception {
        Map<String, Object> body = individual();
        child(body, "idDocument").put("expiryDate", LocalDate.now(ZoneOffset.UTC).plusDays(20).toString());
        Holder holder = approvedHolder(body);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE whitelist_entry SET expires_at = now() - interval '1 hour', change_seq = nextval('whitelist_change_seq') WHERE address_key = lower(?)")) {
            s.setString(1, holder.address());
            s.executeUpdate(); // the document expired in the meantime
        }
        Eventually.until("expired", Duration.ofSeconds(5), () -> "EXPIRED".equals(whitelist(holder.address()).extract().path("status")));

        LocalDate newExpiry = LocalDate.now(ZoneOffset.UTC).plusYears(5);
        String renewalId = renew(holder, "DE", newExpiry).statusCode(201)
                .body("status", equalTo("PENDING_DOCUMENT"))
                .body("missingDocuments", contains("identity"))
                .body("idDocumentExpiry", equalTo(newExpiry.toString()))
                .body("$", not(hasKey("number")))
                .extract().path("id");
        given().auth().oauth2(Tokens.reviewer()).when().get(RENEWALS).then().statusCode(200).body("id", not(hasItem(renewalId)));
        byte[] copy = Applications.png();
        uploadRenewal(holder, "identity", copy).statusCode(200).body("status", equalTo("IN_REVIEW")).body("missingDocuments", empty());
        renew(holder, "DE", newExpiry.plusDays(1)).statusCode(409).body("detail", containsString("in review"));

        given().auth().oauth2(Tokens.reviewer()).when().get(RENEWALS).then().statusCode(200).body("id", hasItem(renewalId));
        String etag = given().auth().oauth2(Tokens.reviewer()).when().get(RENEWALS + "/" + renewalId).then().statusCode(200)
                .body("renewal.number", equalTo("C01X00T99"))
                .body("renewal.expiryDate", equalTo(newExpiry.toString()))
                .body("current.number", equalTo("C01X00T47"))
                .body("flags", empty())
                .body("approvalsRequired", equalTo(1))
                .body("documents.kind", contains("identity"))
                .body("entries[0].status", equalTo("EXPIRED"))
                .extract().header("ETag");
        byte[] served = given().auth().oauth2(Tokens.reviewer()).when().get(RENEWALS + "/" + renewalId + "/documents/identity")
                .then().statusCode(200).contentType("image/png").header("Cache-Control", "no-store").extract().asByteArray();
        assertArrayEquals(copy, served);
        decideRenewal(renewalId, ALICE, etag, "REJECT", null).statusCode(400).body("errors.field", hasItem("reason"));
        decideRenewal(renewalId, Tokens.exchange(), etag, "APPROVE", null).statusCode(403);
        decideRenewal(renewalId, ALICE, null, "APPROVE", null).statusCode(428).body("type", equalTo("/problems/precondition-required"));
        decideRenewal(renewalId, ALICE, "\"999\"", "APPROVE", null).statusCode(412);

        decideRenewal(renewalId, Tokens.reviewer("renewals@example.org"), etag, "APPROVE", null).statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("renewals@example.org"))
                .body("decisions.reviewer", contains("renewals@example.org"));
        String expiresAt = newExpiry.plusDays(1) + "T00:00:00Z";
        Eventually.until("whitelisted again", Duration.ofSeconds(10), () -> "ACTIVE".equals(whitelist(holder.address()).extract().path("status")));
        given().auth().oauth2(Tokens.admin()).queryParam("withinDays", 366).when().get("/api/v1/admin/whitelist/expiring").then()
                .statusCode(200).body("address", not(hasItem(holder.address())));
        holderView(holder).statusCode(200).body("status", equalTo("APPROVED"));
        approveRenewal(renewalId, ALICE).statusCode(409);
        given().auth().oauth2(Tokens.admin()).queryParam("applicationId", holder.id()).when().get("/api/v1/admin/audit").then().statusCode(200)
                .body("action", hasItem("RENEWAL_REQUESTED"))
                .body("find { it.action == 'RENEWAL_APPROVED' }.detail", containsString(expiresAt));
        // the new document's number is now the application's, sealed for its own row
        given().auth().oauth2(Tokens.reviewer()).when().get(Reviews.REVIEW + "/" + holder.id()).then().statusCode(200)
                .body("person.idDocument.number", equalTo("C01X00T99"));
    }

    @Test
    void aNewDocumentFromARestrictedCountryIsRefusedAtOnceAndStrangersSeeNothing() {
        Holder holder = approvedHolder(individual());
        renew(holder, "US", LocalDate.now(ZoneOffset.UTC).plusYears(5)).statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasons.code", hasItem("RESTRICTED_DOCUMENT_COUNTRY"));
        uploadRenewal(holder, "identity", Applications.png()).statusCode(409);
        renew(holder, "DE", LocalDate.parse("2031-08-31")).statusCode(409).body("detail", containsString("expire after"));
        given().header("X-Status-Token", "not-the-token").contentType(ContentType.JSON)
                .body(Map.of("idDocument", Map.of("type", "PASSPORT", "number", "X1", "issuingCountry", "DE", "expiryDate", "2040-01-01")))
                .when().post(Applications.PATH + "/" + holder.id() + "/renewal").then().statusCode(404);
        renew(holder, "XX", LocalDate.now(ZoneOffset.UTC).plusYears(5)).statusCode(400)
                .body("errors.field", hasItem("idDocument.issuingCountry"));
        whitelist(holder.address()).statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aFlaggedRenewalNeedsTwoReviewersAndTheHolderSeesNoFlag() {
        Holder holder = approvedHolder(individual());
        // a passport of a country that is not among the stated citizenships
        String renewalId = renew(holder, "AT", LocalDate.now(ZoneOffset.UTC).plusYears(5)).statusCode(201)
                .body("status", equalTo("PENDING_DOCUMENT"))
                .body("$", not(hasKey("flags")))
                .extract().path("id");
        uploadRenewal(holder, "identity", Applications.png()).statusCode(200).body("status", equalTo("IN_REVIEW"));

        given().auth().oauth2(ALICE).when().get(RENEWALS + "/" + renewalId).then().statusCode(200)
                .body("flags", contains("DOCUMENT_NATIONALITY_MISMATCH"))
                .body("approvalsRequired", equalTo(2));
        approveRenewal(renewalId, ALICE).statusCode(200).body("status", equalTo("PENDING_SECOND_APPROVAL"));
        holderView(holder).statusCode(200).body("status", equalTo("IN_REVIEW")).body("$", not(hasKey("flags")));
        // the same person under another display name (a second token of the same subject) is still the same person
        approveRenewal(renewalId, Tokens.of("reviewer", "alice@example.org", "Alice Smith (second session)")).statusCode(403)
                .body("detail", containsString("four eyes"));
        whitelist(holder.address()).statusCode(200).body("status", equalTo("ACTIVE"));
        approveRenewal(renewalId, BOB).statusCode(200).body("status", equalTo("APPROVED"))
                .body("decisions.reviewer", contains("alice@example.org", "bob@example.org"));
        given().auth().oauth2(Tokens.admin()).queryParam("applicationId", holder.id()).when().get("/api/v1/admin/audit").then().statusCode(200)
                .body("action", hasItem("RENEWAL_FIRST_APPROVAL"))
                .body("action", hasItem("RENEWAL_APPROVED"));
    }

    @Test
    void aProfessionalInvestorRenewsWithFreshEvidenceAndFourEyes() {
        Map<String, Object> body = individual();
        body.put("citizenships", new ArrayList<>(List.of("HK")));
        body.put("countryOfResidence", "HK");
        body.put("professionalInvestor", true);
        child(body, "idDocument").put("issuingCountry", "HK");
        Holder holder = approvedHolder(body);

        String renewalId = renew(holder, "HK", LocalDate.now(ZoneOffset.UTC).plusYears(5)).statusCode(201)
                .body("status", equalTo("PENDING_DOCUMENT"))
                .body("missingDocuments", contains("identity", "professional-investor-evidence"))
                .extract().path("id");
        uploadRenewal(holder, "identity", Applications.png()).statusCode(200)
                .body("status", equalTo("PENDING_DOCUMENT")).body("missingDocuments", contains("professional-investor-evidence"));
        given().auth().oauth2(ALICE).when().get(RENEWALS).then().statusCode(200).body("id", not(hasItem(renewalId)));
        uploadRenewal(holder, "professional-investor-evidence", Applications.png()).statusCode(200).body("status", equalTo("IN_REVIEW"));

        given().auth().oauth2(ALICE).when().get(RENEWALS + "/" + renewalId).then().statusCode(200)
                .body("flags", contains("PROFESSIONAL_INVESTOR_EXCEPTION"))
                .body("documents.kind", contains("identity", "professional-investor-evidence"));
        given().auth().oauth2(ALICE).when().get(RENEWALS + "/" + renewalId + "/documents/professional-investor-evidence").then().statusCode(200);
        approveRenewal(renewalId, ALICE).statusCode(200).body("status", equalTo("PENDING_SECOND_APPROVAL"));
        approveRenewal(renewalId, BOB).statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void aRenewalApprovedWhileARevocationCommitsNeverUndoesIt() throws Exception {
        Holder holder = approvedHolder(individual());
        String renewalId = renew(holder, "DE", LocalDate.now(ZoneOffset.UTC).plusYears(5)).statusCode(201).extract().path("id");
        uploadRenewal(holder, "identity", Applications.png()).statusCode(200);
        String etag = renewalEtag(renewalId, ALICE);
        try (Connection revocation = dataSource.getConnection()) {
            // an admin's revocation in flight: the entry locked, its change written, not yet committed
            revocation.setAutoCommit(false);
            try (PreparedStatement lock = revocation.prepareStatement("SELECT * FROM whitelist_entry WHERE address_key = lower(?) FOR UPDATE");
                 PreparedStatement change = revocation.prepareStatement("""
                         INSERT INTO outbox_event (event_id, type, chain, address, application_id, reason, created_at, ownership_proven)
                         VALUES (gen_random_uuid(), 'WHITELIST_REVOKED', 'ETHEREUM', ?, ?::uuid, 'revoked while the renewal was decided', now(), true)""")) {
                lock.setString(1, holder.address());
                lock.executeQuery().close();
                change.setString(1, holder.address());
                change.setString(2, holder.id());
                assertEquals(1, change.executeUpdate());
            }
            CompletableFuture<Integer> approval = CompletableFuture.supplyAsync(
                    () -> decideRenewal(renewalId, ALICE, etag, "APPROVE", null).extract().statusCode());
            Eventually.until("the approval waits for the revocation's lock", Duration.ofSeconds(10), () -> waitingOnALock(revocation));
            revocation.commit();
            assertEquals(409, approval.get(20, TimeUnit.SECONDS), "the approval sees the revocation and renews nothing");
        }
        Eventually.until("the revocation stands", Duration.ofSeconds(10), () -> "REVOKED".equals(whitelist(holder.address()).extract().path("status")));
        Thread.sleep(1500); // the outbox's next rounds publish nothing that undoes it
        whitelist(holder.address()).statusCode(200).body("status", equalTo("REVOKED"));
    }

    private static boolean waitingOnALock(Connection other) {
        try (PreparedStatement s = other.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1) > 0;
        } catch (Exception e) {
            return false;
        }
    }
}
