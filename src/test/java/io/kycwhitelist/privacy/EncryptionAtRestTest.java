package io.kycwhitelist.privacy;

import static io.kycwhitelist.support.Applications.child;
import static io.kycwhitelist.support.Applications.individual;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.common.crypto.FieldCipher;
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
    void dataSealedUnderAnOldKeyIsSealedAgainUnderTheActiveOne() throws Exception {
        Map<String, Object> body = individual();
        child(body, "idDocument").put("number", "OLDKEY123");
        body.put("dateOfBirth", "1979-01-02");
        String id = Reviews.pendingReview(body);
        // what a row looked like when test-1 was the active key
        FieldCipher oldKey = FieldCipher.parse(keys, "test-1");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE application SET date_of_birth_sealed = ?, id_document_number_sealed = ? WHERE id = ?")) {
            s.setBytes(1, oldKey.sealText("1979-01-02"));
            s.setBytes(2, oldKey.sealText("OLDKEY123"));
            s.setObject(3, UUID.fromString(id));
            assertEquals(1, s.executeUpdate());
        }
        assertEquals("test-1", keyIdOfBirthDate(id));

        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/personal-data/reseal").then().statusCode(200)
                .body("activeKey", equalTo("test-2"));
        assertEquals("test-2", keyIdOfBirthDate(id));
        given().auth().oauth2(Tokens.reviewer()).when().get(Reviews.REVIEW + "/" + id).then().statusCode(200)
                .body("person.dateOfBirth", equalTo("1979-01-02"))
                .body("person.idDocument.number", equalTo("OLDKEY123"));
        given().auth().oauth2(Tokens.admin()).queryParam("action", "PERSONAL_DATA_RESEALED").when().get("/api/v1/admin/audit").then()
                .statusCode(200).body("actor", hasItem("officer@example.org"));
        given().auth().oauth2(Tokens.reviewer()).when().post("/api/v1/admin/personal-data/reseal").then().statusCode(403);
    }

    @Test
    void aSealedValueNamesItsKeyAndRefusesTampering() {
        FieldCipher cipher = FieldCipher.parse(keys, "test-2");
        byte[] sealed = cipher.sealText("C01X00T47");
        assertEquals("test-2", FieldCipher.keyIdOf(sealed));
        assertEquals("C01X00T47", cipher.openText(sealed));
        assertFalse(java.util.Arrays.equals(sealed, cipher.sealText("C01X00T47")), "a fresh nonce each time");
        sealed[sealed.length - 1] ^= 1;
        assertTrue(assertThrows(IllegalStateException.class, () -> cipher.open(sealed)).getMessage()
                .contains("does not open"));
        byte[] relabelled = cipher.sealText("x");
        relabelled[2 + 5] = '1'; // "test-2" -> "test-1": the key id is authenticated
        assertThrows(IllegalStateException.class, () -> cipher.open(relabelled));
    }

    String keyIdOfBirthDate(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT date_of_birth_sealed FROM application WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return FieldCipher.keyIdOf(r.getBytes(1));
            }
        }
    }
}
