package io.kycwhitelist.support;

import static io.restassured.RestAssured.given;

import io.kycwhitelist.ownership.Signatures;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * Builders of application bodies as plain maps (so a test can break any field), and the calls
 * of the intake API.
 */
public final class Applications {

    public static final String PATH = "/api/v1/applications";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Applications() {}

    private static final Map<String, ECKeyPair> KEYS = new ConcurrentHashMap<>();

    /** A fresh, checksummed Ethereum address no other test uses, whose key {@link #sign} knows. */
    public static String freshAddress() {
        try {
            ECKeyPair key = Keys.createEcKeyPair(RANDOM);
            String address = Keys.toChecksumAddress(Keys.getAddress(key));
            KEYS.put(address.toLowerCase(), key);
            return address;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key of an address made by {@link #freshAddress}. */
    public static ECKeyPair keyOf(String address) {
        return KEYS.get(address.toLowerCase());
    }

    /** The personal_sign signature of {@code message} by the key of {@code address}, as 0x + 130 hex digits (v 27/28). */
    public static String sign(String message, String address) {
        return sign(message, KEYS.get(address.toLowerCase()));
    }

    public static String sign(String message, ECKeyPair key) {
        return Signatures.hex(Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), key));
    }

    public static ValidatableResponse challenge(String base, String id, String token, String address) {
        return given().header("X-Status-Token", token).when().post(base + PATH + "/" + id + "/wallets/" + address + "/challenge").then();
    }

    public static ValidatableResponse prove(String base, String id, String token, String address, String signature) {
        return given().header("X-Status-Token", token).contentType(ContentType.JSON).body(Map.of("signature", signature))
                .when().put(base + PATH + "/" + id + "/wallets/" + address + "/proof").then();
    }

    /** Proves control of every wallet of the application (body as submitted) against the service at {@code base}. */
    @SuppressWarnings("unchecked")
    public static void proveWallets(String base, String id, String token, Map<String, Object> body) {
        for (Map<String, Object> wallet : (List<Map<String, Object>>) body.get("wallets")) {
            String address = (String) wallet.get("address");
            String message = challenge(base, id, token, address).statusCode(201).extract().path("message");
            prove(base, id, token, address, sign(message, address)).statusCode(200);
        }
    }

    public static void proveWallets(String id, String token, Map<String, Object> body) {
        proveWallets("", id, token, body);
    }

    public static Map<String, Object> person() {
        Map<String, Object> person = new HashMap<>();
        person.put("fullLegalName", "Zoë Łukasiewicz");
        person.put("dateOfBirth", "1990-04-12");
        person.put("citizenships", new ArrayList<>(List.of("DE")));
        person.put("countryOfResidence", "DE");
        person.put("usPermanentResident", false);
        person.put("idDocument", new HashMap<>(Map.of(
                "type", "PASSPORT", "number", "C01X00T47", "issuingCountry", "DE", "expiryDate", "2031-08-31")));
        return person;
    }

    /** A valid application of a German resident individual with one fresh wallet. */
    public static Map<String, Object> individual() {
        Map<String, Object> body = person();
        body.put("applicantType", "INDIVIDUAL");
        common(body);
        return body;
    }

    /** A valid application of a German company with a German representative. */
    public static Map<String, Object> organization() {
        Map<String, Object> body = new HashMap<>();
        body.put("applicantType", "ORGANIZATION");
        body.put("legalName", "Nordlicht Capital GmbH");
        body.put("registrationNumber", "HRB 123456");
        body.put("countryOfIncorporation", "DE");
        body.put("principalPlaceOfBusiness", "DE");
        Map<String, Object> representative = person();
        representative.put("fullLegalName", "Jonas Weber");
        body.put("representative", representative);
        common(body);
        return body;
    }

    private static void common(Map<String, Object> body) {
        body.put("email", "applicant@example.org");
        body.put("wallets", new ArrayList<>(List.of(new HashMap<>(Map.of("chain", "ETHEREUM", "address", freshAddress())))));
        body.put("declarations", new HashMap<>(Map.of("notUsPerson", true, "termsVersion", "2026-11")));
    }

    @SuppressWarnings("unchecked")
    public static String walletAddress(Map<String, Object> body, int index) {
        return (String) ((List<Map<String, Object>>) body.get("wallets")).get(index).get("address");
    }

    public static void setWallets(Map<String, Object> body, String... addresses) {
        List<Map<String, Object>> wallets = new ArrayList<>();
        for (String address : addresses) {
            wallets.add(new HashMap<>(Map.of("chain", "ETHEREUM", "address", address)));
        }
        body.put("wallets", wallets);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> child(Map<String, Object> body, String field) {
        return (Map<String, Object>) body.get(field);
    }

    public static ValidatableResponse submit(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(PATH).then();
    }

    public static ValidatableResponse status(String id, String token) {
        return given().header("X-Status-Token", token).when().get(PATH + "/" + id).then();
    }

    public static ValidatableResponse upload(String id, String token, String kind, String contentType, byte[] content) {
        return given().header("X-Status-Token", token).contentType(contentType).body(content)
                .when().put(PATH + "/" + id + "/documents/" + kind).then();
    }

    private static final byte[] PASSPORT_PNG = passportImage();

    /** A small real PNG standing for a passport scan (the service sniffs its signature; browsers show it). */
    public static byte[] png() {
        return PASSPORT_PNG.clone();
    }

    private static byte[] passportImage() {
        BufferedImage image = new BufferedImage(240, 150, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1f3a68));
        g.fillRect(0, 0, 240, 150);
        g.setColor(Color.WHITE);
        g.fillRect(16, 40, 70, 90);
        g.drawString("PASSPORT  C01X00T47", 100, 60);
        g.drawString("TEST SPECIMEN", 100, 90);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
