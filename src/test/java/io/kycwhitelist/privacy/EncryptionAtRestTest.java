package io.kycwhitelist.privacy;

import static io.kycwhitelist.support.Applications.child;
import static io.kycwhitelist.support.Applications.individual;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.common.crypto.FieldCipher;
import io.kycwhitelist.common.crypto.SealedColumn;
import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.Reviews;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The database holds ID numbers, birth dates and documents only sealed; keys rotate. */
@QuarkusTest
class EncryptionAtRestTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kyc.encryption.keys")
    String keys;

    /** Every column of the rows as text, bytea in hex (how a dump shows them). */
    String rawRows(String sql, Object id) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = r.getObject(i);
                        out.append(meta.getColumnName(i)).append('=')
                                .append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) + " " + new String(bytes, StandardCharsets.ISO_8859_1) : value)
                                .append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    @Test
    void theDatabaseHoldsNoPlaintextIdNumberBirthDateOrDocument() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String idNumber = "ZX" + unique;
        Map<String, Object> body = individual();
        child(body, "idDocument").put("number", idNumber);
        body.put("dateOfBirth", "1983-07-19");
        ExtractableResponse<Response> created = Applications.submit(body).statusCode(201).extract();
        String id = created.path("id");
        Applications.proveWallets(id, created.path("statusToken"), body);
        byte[] pdf = ("%PDF-1.4\n% passport scan " + unique + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        Applications.upload(id, created.path("statusToken"), "identity", "application/pdf", pdf).statusCode(200);

        String application = rawRows("SELECT * FROM application WHERE id = ?", UUID.fromString(id));
        String documents = rawRows("SELECT * FROM application_document WHERE application_id = ?", UUID.fromString(id));
        for (String row : new String[] {application, documents}) {
            for (String plaintext : new String[] {idNumber, "1983-07-19", "19830719", "passport scan " + unique, unique}) {
                assertFalse(row.contains(plaintext), "plaintext " + plaintext + " in the database: " + row);
                assertFalse(row.toLowerCase(Locale.ROOT).contains(HexFormat.of().formatHex(plaintext.getBytes(StandardCharsets.UTF_8))),
                        "plaintext " + plaintext + " as bytes in the database");
            }
        }
        assertTrue(application.contains("date_of_birth=null") && application.contains("id_document_number=null"), "no plaintext column is filled");

        // the reviewer sees them, opened
        String reviewer = Tokens.reviewer();
        given().auth().oauth2(reviewer).when().get(Reviews.REVIEW + "/" + id).then().statusCode(200)
                .body("person.dateOfBirth", equalTo("1983-07-19"))
                .body("person.idDocument.number", equalTo(idNumber));
        byte[] served = given().auth().oauth2(reviewer).when().get(Reviews.REVIEW + "/" + id + "/documents/identity").then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(pdf, served);
    }

    @Test
    void dataSealedUnderAnOldKeyOrUnboundIsSealedAgainUnderTheActiveOneBoundToItsRow() throws Exception {
        Map<String, Object> body = individual();
        child(body, "idDocument").put("number", "OLDKEY123");
        body.put("dateOfBirth", "1979-01-02");
        String id = Reviews.pendingReview(body);
        UUID row = UUID.fromString(id);
        // what a row looked like when test-1 was the active key: the birth date bound to its row, the
        // ID number in the first format (bound to nothing, as every value was before this version)
        FieldCipher oldKey = FieldCipher.parse(keys, "test-1");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE application SET date_of_birth_sealed = ?, id_document_number_sealed = ? WHERE id = ?")) {
            s.setBytes(1, oldKey.sealText("1979-01-02", SealedColumn.APPLICATION_DATE_OF_BIRTH.context(row)));
            s.setBytes(2, unbound("test-1", "OLDKEY123"));
            s.setObject(3, row);
            assertEquals(1, s.executeUpdate());
        }
        assertEquals("test-1", keyIdOf(id, "date_of_birth_sealed"));
        given().auth().oauth2(Tokens.reviewer()).when().get(Reviews.REVIEW + "/" + id).then().statusCode(200)
                .body("person.idDocument.number", equalTo("OLDKEY123")); // the first format still opens until re-sealed

        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/personal-data/reseal").then().statusCode(200)
                .body("activeKey", equalTo("test-2"))
                .body("columns.'application.date_of_birth_sealed'", greaterThanOrEqualTo(1))
                .body("columns.'application.id_document_number_sealed'", greaterThanOrEqualTo(1));
        assertEquals("test-2", keyIdOf(id, "date_of_birth_sealed"));
        assertEquals("test-2", keyIdOf(id, "id_document_number_sealed"));
        assertEquals(FieldCipher.FORMAT, sealedValue(id, "id_document_number_sealed")[0], "bound to its row now");
        given().auth().oauth2(Tokens.reviewer()).when().get(Reviews.REVIEW + "/" + id).then().statusCode(200)
                .body("person.dateOfBirth", equalTo("1979-01-02"))
                .body("person.idDocument.number", equalTo("OLDKEY123"));
        given().auth().oauth2(Tokens.admin()).queryParam("action", "PERSONAL_DATA_RESEALED").when().get("/api/v1/admin/audit").then()
                .statusCode(200).body("actor", hasItem("officer@example.org"));
        given().auth().oauth2(Tokens.reviewer()).when().post("/api/v1/admin/personal-data/reseal").then().statusCode(403);
    }

    @Test
    void aSealedValueMovedToAnotherRowDoesNotOpenThere() throws Exception {
        Map<String, Object> victim = individual();
        child(victim, "idDocument").put("number", "VICTIM0001");
        String victimId = Reviews.pendingReview(victim);
        String otherId = Reviews.pendingReview(individual());
        // someone with write access to the database copies one applicant's sealed ID number into another's row
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE application SET id_document_number_sealed = ? WHERE id = ?")) {
            s.setBytes(1, sealedValue(victimId, "id_document_number_sealed"));
            s.setObject(2, UUID.fromString(otherId));
            assertEquals(1, s.executeUpdate());
        }
        String answer = given().auth().oauth2(Tokens.reviewer()).when().get(Reviews.REVIEW + "/" + otherId).then()
                .statusCode(500).contentType("application/problem+json").body("type", equalTo("/problems/internal-error"))
                .extract().asString();
        assertFalse(answer.contains("VICTIM0001"), "the moved value is not served: " + answer);
        given().auth().oauth2(Tokens.reviewer()).when().get(Reviews.REVIEW + "/" + victimId).then().statusCode(200)
                .body("person.idDocument.number", equalTo("VICTIM0001"));
    }

    @Test
    void aSealedValueNamesItsKeyAndRefusesTamperingAndOtherPlaces() {
        FieldCipher cipher = FieldCipher.parse(keys, "test-2");
        String here = SealedColumn.APPLICATION_ID_DOCUMENT_NUMBER.context(UUID.randomUUID());
        byte[] sealed = cipher.sealText("C01X00T47", here);
        assertEquals("test-2", FieldCipher.keyIdOf(sealed));
        assertEquals("C01X00T47", cipher.openText(sealed, here));
        assertFalse(java.util.Arrays.equals(sealed, cipher.sealText("C01X00T47", here)), "a fresh nonce each time");
        assertThrows(IllegalStateException.class, () -> cipher.open(sealed, SealedColumn.APPLICATION_ID_DOCUMENT_NUMBER.context(UUID.randomUUID())),
                "another row");
        assertThrows(IllegalStateException.class, () -> cipher.open(sealed, here.replace("id_document_number", "date_of_birth")), "another column");
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertTrue(assertThrows(IllegalStateException.class, () -> cipher.open(altered, here)).getMessage().contains("does not open"));
        byte[] relabelled = cipher.sealText("x", here);
        relabelled[2 + 5] = '1'; // "test-2" -> "test-1": the key id is authenticated
        assertThrows(IllegalStateException.class, () -> cipher.open(relabelled, here));
        byte[] unbound = assertDoesNotThrow(() -> unbound("test-2", "C01X00T47"));
        assertEquals("C01X00T47", cipher.openText(unbound, here), "the first format opens while it is accepted");
        assertThrows(IllegalStateException.class, () -> FieldCipher.parse(keys, "test-2", false).open(unbound, here),
                "and nowhere once kyc.encryption.accept-unbound is off");
        byte[] downgraded = cipher.sealText("x", here);
        downgraded[0] = 1; // passed off as the first, unbound format: the format is authenticated too
        assertThrows(IllegalStateException.class, () -> cipher.open(downgraded, here));
    }

    /** A value in the first format: AES-GCM with only the key id authenticated, as sealed before values were bound to rows. */
    byte[] unbound(String keyId, String text) throws Exception {
        byte[] key = null;
        for (String entry : keys.split(",")) {
            if (entry.startsWith(keyId + ":")) {
                key = java.util.Base64.getDecoder().decode(entry.substring(keyId.length() + 1));
            }
        }
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[12];
        new java.security.SecureRandom().nextBytes(nonce);
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"), new javax.crypto.spec.GCMParameterSpec(128, nonce));
        aes.updateAAD(id);
        byte[] sealed = aes.doFinal(text.getBytes(StandardCharsets.UTF_8));
        return java.nio.ByteBuffer.allocate(2 + id.length + 12 + sealed.length).put((byte) 1).put((byte) id.length).put(id).put(nonce).put(sealed).array();
    }

    byte[] sealedValue(String id, String column) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM application WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBytes(1);
            }
        }
    }

    String keyIdOf(String id, String column) throws Exception {
        return FieldCipher.keyIdOf(sealedValue(id, column));
    }
}
