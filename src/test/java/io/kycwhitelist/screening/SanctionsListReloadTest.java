package io.kycwhitelist.screening;

import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.kycwhitelist.support.Reviews.REVIEW;
import static io.kycwhitelist.support.Reviews.approve;
import static io.kycwhitelist.support.Reviews.pendingReview;
import static io.kycwhitelist.support.Reviews.whitelist;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.Eventually;
import io.kycwhitelist.support.Reviews;
import io.kycwhitelist.support.Tokens;
import io.kycwhitelist.whitelist.ExpiryJob;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An admin puts fresh lists in force without a restart; a malformed file changes nothing. The
 * tests read the lists from target/test-sanctions (kyc.sanctions.path); each test restores them.
 */
@QuarkusTest
class SanctionsListReloadTest {

    static final Path LISTS = Path.of("target/test-sanctions");
    static final Path SDN = LISTS.resolve("ofac-sdn/sdn.csv");
    static final Path UN = LISTS.resolve("un-consolidated/consolidated.xml");
    static final Path ETH = LISTS.resolve("ofac-digital-currency-addresses/sanctioned_addresses_ETH.txt");
    static final String RELOAD = "/api/v1/admin/sanctions-lists/reload";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ExpiryJob expiry;

    byte[] sdn;
    byte[] un;
    byte[] eth;

    @BeforeAll
    static void readableFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void keepTheLists() throws IOException {
        sdn = Files.readAllBytes(SDN);
        un = Files.readAllBytes(UN);
        eth = Files.readAllBytes(ETH);
    }

    @AfterEach
    void restoreTheLists() throws IOException {
        Files.write(SDN, sdn);
        Files.write(UN, un);
        Files.write(ETH, eth);
        given().auth().oauth2(Tokens.admin()).when().post(RELOAD).then().statusCode(200);
    }

    static ExtractableResponse<Response> inForce() {
        return given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/sanctions-lists").then().statusCode(200).extract();
    }

    @Test
    void aMalformedListIsRefusedAndTheListsInUseStayInForce() throws IOException {
        ExtractableResponse<Response> before = inForce();
        String approvedWallet = approvedWallet();
        Files.writeString(ETH, approvedWallet + "\n", StandardOpenOption.APPEND); // a valid change ...
        Files.writeString(UN, "<CONSOLIDATED_LIST><INDIVIDUALS>"); // ... and a broken file: nothing changes

        given().auth().oauth2(Tokens.admin()).when().post(RELOAD).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/sanctions-list-invalid"))
                .body("detail", containsString("consolidated.xml"))
                .body("detail", containsString("stay in force"));
        assertEquals(before.path("lists.sha256").toString(), inForce().path("lists.sha256").toString());
        whitelist(approvedWallet).statusCode(200).body("status", equalTo("ACTIVE"));

        Files.write(UN, un);
        Files.writeString(SDN, "garbage without the fields\n", StandardOpenOption.APPEND);
        given().auth().oauth2(Tokens.admin()).when().post(RELOAD).then().statusCode(422)
                .body("detail", containsString("sdn.csv line 8977"));
        given().auth().oauth2(Tokens.reviewer()).when().post(RELOAD).then().statusCode(403);
    }

    @Test
    void freshListsScreenNewApplicationsAndListedWalletsAtOnce() throws IOException {
        ExtractableResponse<Response> before = inForce();
        String approvedWallet = approvedWallet();
        Map<String, Object> holder = individual();
        holder.put("fullLegalName", "Ottoline M. Quillfeather");
        holder.put("dateOfBirth", "1980-02-02");
        approve(pendingReview(holder), Tokens.reviewer()).statusCode(200).body("status", equalTo("APPROVED"));
        String holderWallet = walletAddress(holder, 0);
        SanctionsScreeningTest.awaitActive(holderWallet);
        Map<String, Object> waiting = individual();
        waiting.put("fullLegalName", "QUILLFEATHER Ottoline");
        waiting.put("dateOfBirth", "1980-02-02");
        String waitingId = pendingReview(waiting);
        Files.writeString(ETH, approvedWallet + "\n", StandardOpenOption.APPEND);
        Files.writeString(SDN, "99999001,\"QUILLFEATHER, Ottoline Marguerite\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
                + "\"DOB 02 Feb 1980; nationality Atlantis.\"\r\n", StandardOpenOption.APPEND);

        ExtractableResponse<Response> after = given().auth().oauth2(Tokens.admin()).when().post(RELOAD).then().statusCode(200)
                .body("origin", containsString("test-sanctions"))
                .body("lists[0].entries", equalTo((Integer) before.path("lists[0].entries") + 1))
                .extract();
        assertNotEquals(before.<String>path("lists[0].sha256"), after.<String>path("lists[0].sha256"));
        assertNotEquals(before.<String>path("lists[2].sha256"), after.<String>path("lists[2].sha256"));
        assertEquals(before.<String>path("lists[1].sha256"), after.<String>path("lists[1].sha256"), "the UN list did not change");

        whitelist(approvedWallet).statusCode(200).body("whitelisted", equalTo(false)).body("status", equalTo("SANCTIONED"));

        Map<String, Object> body = individual();
        body.put("fullLegalName", "Ottoline Quillfeather");
        body.put("dateOfBirth", "1980-02-02");
        String id = pendingReview(body);
        given().auth().oauth2(Tokens.reviewer()).when().get(REVIEW + "/" + id).then().statusCode(200)
                .body("flags", hasItem("SANCTIONS_POTENTIAL_MATCH"))
                .body("sanctions.hits[0].entryId", equalTo("99999001"))
                .body("sanctions.lists[0].sha256", equalTo(after.path("lists[0].sha256")));

        // The re-screening the new lists start: the listed wallet's entry and the new match's entry
        // are suspended, the open application is flagged for (four-eyes) review.
        Eventually.until("the holder's entry suspended", Duration.ofSeconds(20),
                () -> "SUSPENDED".equals(whitelist(holderWallet).extract().path("status")));
        given().auth().oauth2(Tokens.admin()).queryParam("address", holderWallet).queryParam("action", "SUSPENDED")
                .when().get("/api/v1/admin/audit").then().statusCode(200)
                .body("detail", hasItem(containsString("possible sanctions match, pending review")));
        given().auth().oauth2(Tokens.admin()).queryParam("address", approvedWallet).queryParam("action", "SUSPENDED")
                .when().get("/api/v1/admin/audit").then().statusCode(200)
                .body("detail", hasItem(containsString("SANCTIONED_WALLET")));
        whitelist(approvedWallet).statusCode(200).body("status", equalTo("SANCTIONED"));
        given().auth().oauth2(Tokens.reviewer()).when().get(REVIEW + "/" + waitingId).then().statusCode(200)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("flags", hasItem("SANCTIONS_POTENTIAL_MATCH"))
                .body("sanctions.hits.entryId", hasItem("99999001"));
        Reviews.approve(waitingId, Tokens.reviewer()).statusCode(409).body("type", equalTo("/problems/sanctions-hits-open"));

        given().auth().oauth2(Tokens.admin()).queryParam("action", "SANCTIONS_LISTS_LOADED").when().get("/api/v1/admin/audit").then()
                .statusCode(200)
                .body("detail", hasItem(containsString("OFAC_SDN@" + after.path("lists[0].asOf") + "#"
                        + after.<String>path("lists[0].sha256").substring(0, 12) + " entries=" + after.path("lists[0].entries"))));
    }

    @Test
    void aReloadOnAnotherInstanceIsFollowedWithinTheSyncInterval() throws Exception {
        int before = inForce().path("lists[0].entries");
        Files.writeString(SDN, "99999002,\"FOLLOWER, Example\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n",
                StandardOpenOption.APPEND);
        // what another instance's reload leaves in the database
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE reload_generation SET generation = generation + 1, loaded_by = 'another instance', loaded_at = now() WHERE name = 'sanctions-lists'");
        }
        Eventually.until("this instance follows the reload", Duration.ofSeconds(15), () -> (int) inForce().path("lists[0].entries") == before + 1);
    }

    record Holder(String id, String token, String wallet) {}

    /** An approved applicant of this name and birth date whose entry expired (an expired entry is not re-screened: a renewal must screen). */
    Holder expiredHolder(String name, String dateOfBirth) throws Exception {
        Map<String, Object> body = individual();
        body.put("fullLegalName", name);
        body.put("dateOfBirth", dateOfBirth);
        ExtractableResponse<Response> created = Applications.submit(body).statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("statusToken");
        Applications.proveWallets(id, token, body);
        Applications.upload(id, token, "identity", "image/png", Applications.png()).statusCode(200);
        approve(id, Tokens.reviewer()).statusCode(200).body("status", equalTo("APPROVED"));
        String wallet = walletAddress(body, 0);
        SanctionsScreeningTest.awaitActive(wallet);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE whitelist_entry SET expires_at = now() - interval '1 hour', change_seq = nextval('whitelist_change_seq') "
                    + "WHERE address_key = '" + wallet.toLowerCase() + "'");
        }
        expiry.run(); // the entry is stored EXPIRED, as the expiry job leaves it
        Eventually.until("expired", Duration.ofSeconds(5), () -> "EXPIRED".equals(whitelist(wallet).extract().path("status")));
        return new Holder(id, token, wallet);
    }

    @Test
    void anExpiredHolderListedMeanwhileCannotBeRenewed() throws Exception {
        Holder holder = expiredHolder("Evander Thistlewood", "1975-03-03");
        String id = holder.id();
        String token = holder.token();
        String wallet = holder.wallet();
        String renewal = given().header("X-Status-Token", token).contentType("application/json")
                .body(Map.of("idDocument", Map.of("type", "PASSPORT", "number", "C01X00T98", "issuingCountry", "DE", "expiryDate", "2032-01-31")))
                .when().post(Applications.PATH + "/" + id + "/renewal").then().statusCode(201).extract().path("id");
        given().header("X-Status-Token", token).contentType("image/png").body(Applications.png())
                .when().put(Applications.PATH + "/" + id + "/renewal/documents/identity").then().statusCode(200);
        // the holder is listed while expired (an expired entry is not re-screened: the renewal must screen)
        Files.writeString(SDN, "99999003,\"THISTLEWOOD, Evander\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
                + "\"DOB 03 Mar 1975.\"\r\n", StandardOpenOption.APPEND);
        given().auth().oauth2(Tokens.admin()).when().post(RELOAD).then().statusCode(200);

        Reviews.approveRenewal(renewal, Tokens.reviewer()).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/sanctions-hits-open"))
                .body("detail", containsString("OFAC_SDN entry 99999003"));
        whitelist(wallet).statusCode(200).body("status", equalTo("EXPIRED"));
    }

    @Test
    void aRenewalOfAHolderListedMeanwhileIsFlaggedAndNeedsTheHitDismissedAndFourEyes() throws Exception {
        Holder holder = expiredHolder("Peregrine Featherstonehaugh", "1971-04-04");
        String id = holder.id();
        String token = holder.token();
        Files.writeString(SDN, "99999004,\"FEATHERSTONEHAUGH, Peregrine\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
                + "\"DOB 04 Apr 1971.\"\r\n", StandardOpenOption.APPEND);
        given().auth().oauth2(Tokens.admin()).when().post(RELOAD).then().statusCode(200);

        String renewal = given().header("X-Status-Token", token).contentType("application/json")
                .body(Map.of("idDocument", Map.of("type", "PASSPORT", "number", "C01X00T97", "issuingCountry", "DE", "expiryDate", "2033-01-31")))
                .when().post(Applications.PATH + "/" + id + "/renewal").then().statusCode(201)
                .body("status", equalTo("PENDING_DOCUMENT")).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("flags")))
                .extract().path("id");
        given().header("X-Status-Token", token).contentType("image/png").body(Applications.png())
                .when().put(Applications.PATH + "/" + id + "/renewal/documents/identity").then().statusCode(200).body("status", equalTo("IN_REVIEW"));

        String alice = Tokens.reviewer("alice@example.org");
        ExtractableResponse<Response> seen = given().auth().oauth2(alice).when().get(Reviews.RENEWALS + "/" + renewal).then().statusCode(200)
                .body("flags", hasItem("SANCTIONS_POTENTIAL_MATCH"))
                .body("approvalsRequired", equalTo(2))
                .body("sanctions.hits.entryId", hasItem("99999004"))
                .extract();
        Reviews.approveRenewal(renewal, alice).statusCode(409).body("type", equalTo("/problems/sanctions-hits-open"));
        String hit = seen.path("sanctions.hits.find { it.entryId == '99999004' }.id");
        given().auth().oauth2(alice).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("reason", "Another person: other place of birth.")).when()
                .post(Reviews.RENEWALS + "/" + renewal + "/sanctions-hits/" + hit + "/dismissal").then().statusCode(412);
        given().auth().oauth2(alice).contentType("application/json").header("If-Match", seen.header("ETag"))
                .body(Map.of("reason", "Another person: other place of birth.")).when()
                .post(Reviews.RENEWALS + "/" + renewal + "/sanctions-hits/" + hit + "/dismissal").then().statusCode(200)
                .body("sanctions.hits.find { it.entryId == '99999004' }.dismissedBy", equalTo("alice@example.org"));
        Reviews.approveRenewal(renewal, alice).statusCode(200).body("status", equalTo("PENDING_SECOND_APPROVAL"));
        Reviews.approveRenewal(renewal, Tokens.reviewer("bob@example.org")).statusCode(200).body("status", equalTo("APPROVED"));
        given().auth().oauth2(Tokens.admin()).queryParam("applicationId", id).queryParam("action", "SANCTIONS_HIT_DISMISSED")
                .when().get("/api/v1/admin/audit").then().statusCode(200).body("detail", hasItem(containsString("other place of birth")));
    }

    private static String approvedWallet() {
        Map<String, Object> body = individual();
        String id = pendingReview(body);
        approve(id, Tokens.reviewer()).statusCode(200).body("status", equalTo("APPROVED"));
        String address = walletAddress(body, 0);
        SanctionsScreeningTest.awaitActive(address);
        return address;
    }
}
