package io.kycwhitelist.privacy;

import static io.kycwhitelist.support.Applications.individual;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.common.crypto.FieldCipher;
import io.kycwhitelist.common.crypto.SealedColumn;
import io.kycwhitelist.intake.service.Erasure;
import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.Eventually;
import io.kycwhitelist.support.Reviews;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every sealed column of the schema is known ({@link SealedColumn}), and erasure, retention and
 * re-sealing cover each of them: a new column that one of them misses fails here.
 */
@QuarkusTest
class SealedColumnsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Erasure erasure;

    @ConfigProperty(name = "kyc.encryption.keys")
    String keys;

    record Holder(String id, String token, String renewalId) {}

    /** An approved applicant whose renewal (with its document) waits for a reviewer: a value in every personal column. */
    static Holder holderWithARenewal() {
        Map<String, Object> body = individual();
        ExtractableResponse<Response> created = Applications.submit(body).statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("statusToken");
        Applications.proveWallets(id, token, body);
        Applications.upload(id, token, "identity", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()).statusCode(200);
        Reviews.approve(id, Tokens.reviewer()).statusCode(200);
        String wallet = Applications.walletAddress(body, 0);
        Eventually.until("whitelisted", Duration.ofSeconds(10), () -> "ACTIVE".equals(Reviews.whitelist(wallet).extract().path("status")));
        String renewalId = given().header("X-Status-Token", token).contentType(ContentType.JSON)
                .body(Map.of("idDocument", Map.of("type", "PASSPORT", "number", "RENEW0042", "issuingCountry", "DE",
                        "expiryDate", LocalDate.now(ZoneOffset.UTC).plusYears(8).toString())))
                .when().post(Applications.PATH + "/" + id + "/renewal").then().statusCode(201).extract().path("id");
        given().header("X-Status-Token", token).contentType("image/png").body(Applications.png())
                .when().put(Applications.PATH + "/" + id + "/renewal/documents/identity").then().statusCode(200);
        return new Holder(id, token, renewalId);
    }

    @Test
    void everyByteaColumnOfTheSchemaIsASealedColumnTheServiceKnows() throws Exception {
        Set<String> schema = new TreeSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT table_name || '.' || column_name FROM information_schema.columns"
                     + " WHERE table_schema = current_schema() AND data_type = 'bytea'")) {
            while (r.next()) {
                schema.add(r.getString(1));
            }
        }
        Set<String> known = Arrays.stream(SealedColumn.values()).map(c -> c.table() + "." + c.column()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(known, schema, "a bytea column holds sealed data: name it in SealedColumn, so that erasure, retention and re-sealing cover it");
    }

    @Test
    void erasureOnRequestLeavesNoSealedValueOfTheApplicationAnywhere() throws Exception {
        Holder holder = holderWithARenewal();
        Holder bystander = holderWithARenewal();
        for (SealedColumn column : SealedColumn.values()) {
            if (column.personalData()) {
                assertTrue(count(column, holder.id()) > 0, column + " has a value to erase (extend the test data when a column is added)");
            }
        }
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "the holder's request, ticket 5150"))
                .when().post("/api/v1/admin/applications/" + holder.id() + "/erasure").then().statusCode(204);
        for (SealedColumn column : SealedColumn.values()) {
            if (column.personalData()) {
                assertEquals(0, count(column, holder.id()), column + " after erasure");
                assertTrue(count(column, bystander.id()) > 0, column + " of another application stays");
            }
        }
        // the open renewal is closed: nothing of it can be seen, downloaded or approved any more
        given().auth().oauth2(Tokens.reviewer()).when().get(Reviews.RENEWALS + "/" + holder.renewalId()).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("renewal.number", nullValue()).body("documents.size()", equalTo(0));
        given().auth().oauth2(Tokens.reviewer()).when().get(Reviews.RENEWALS + "/" + holder.renewalId() + "/documents/identity").then().statusCode(404);
        Reviews.approveRenewal(holder.renewalId(), Tokens.reviewer()).statusCode(409);
        given().header("X-Status-Token", holder.token()).when().get(Applications.PATH + "/" + holder.id() + "/renewal").then()
                .statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void retentionLeavesNoSealedValueOfTheApplicationAnywhere() throws Exception {
        Map<String, Object> body = individual();
        String id = Reviews.pendingReview(body);
        Reviews.decide(id, Tokens.reviewer(), Reviews.view(id, Tokens.reviewer()).header("ETag"), "REJECT", "Document unreadable.").statusCode(200);
        assertTrue(count(SealedColumn.APPLICATION_DOCUMENT, id) > 0);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE application SET updated_at = now() - interval '6 years' WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            s.executeUpdate();
        }
        assertTrue(erasure.erasePastRetention(Instant.now()) >= 1);
        for (SealedColumn column : SealedColumn.values()) {
            if (column.personalData()) {
                assertEquals(0, count(column, id), column + " after the retention period");
            }
        }
    }

    @Test
    void reSealingCoversEveryColumn() throws Exception {
        holderWithARenewal();
        String endpoint = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "secret", "exchange-shared-secret-0123456789-abcdef", "eventTypes", java.util.List.of("WHITELIST_REVOKED")))
                .when().post("/api/v1/admin/webhooks").then().statusCode(201).extract().path("id");
        FieldCipher current = FieldCipher.parse(keys, "test-2");
        FieldCipher old = FieldCipher.parse(keys, "test-1");
        for (SealedColumn column : SealedColumn.values()) {
            // one value of each column as the key being rotated out sealed it
            try (Connection c = dataSource.getConnection();
                 PreparedStatement select = c.prepareStatement("SELECT id, " + column.rowKey() + ", " + column.column() + " FROM " + column.table()
                         + " WHERE " + column.column() + " IS NOT NULL LIMIT 1");
                 PreparedStatement update = c.prepareStatement("UPDATE " + column.table() + " SET " + column.column() + " = ? WHERE id = ?");
                 ResultSet r = select.executeQuery()) {
                assertTrue(r.next(), column + " has a value to re-seal (extend the test data when a column is added)");
                String context = column.context(r.getString(2));
                update.setBytes(1, old.seal(current.open(r.getBytes(3), context), context));
                update.setObject(2, r.getObject(1));
                assertEquals(1, update.executeUpdate());
            }
        }
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/personal-data/reseal").then().statusCode(200);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (SealedColumn column : SealedColumn.values()) {
                try (ResultSet r = s.executeQuery("SELECT " + column.column() + " FROM " + column.table() + " WHERE " + column.column() + " IS NOT NULL")) {
                    while (r.next()) {
                        assertEquals("test-2", FieldCipher.keyIdOf(r.getBytes(1)), column + " is sealed under the active key");
                        assertEquals(FieldCipher.FORMAT, r.getBytes(1)[0], column + " is bound to its row");
                    }
                }
            }
        }
        given().auth().oauth2(Tokens.admin()).when().delete("/api/v1/admin/webhooks/" + endpoint).then().statusCode(204);
    }

    int count(SealedColumn column, String applicationId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + column.table() + " WHERE " + column.column() + " IS NOT NULL AND "
                     + column.ownedBy())) {
            s.setObject(1, UUID.fromString(applicationId));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
