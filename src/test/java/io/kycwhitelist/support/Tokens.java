package io.kycwhitelist.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/** Bearer tokens for the tests, signed with the test key of src/test/resources/test-jwt. */
public final class Tokens {

    private Tokens() {}

    /** A token of the role whose subject ({@code sub}) and display name ({@code upn}) are both {@code subject}. */
    public static String of(String role, String subject) {
        return Jwt.subject(subject).upn(subject).groups(Set.of(role)).sign();
    }

    /** A token of one person (the same {@code sub}) under another display name, as a second session or client may carry. */
    public static String of(String role, String subject, String displayName) {
        return Jwt.subject(subject).upn(displayName).groups(Set.of(role)).sign();
    }

    /** A valid token of the issuer, minted for another client (audience). */
    public static String otherAudience(String role) {
        return Jwt.subject("x@example.org").upn("x@example.org").audience("another-client").groups(Set.of(role)).sign();
    }

    /** A valid token without a subject claim. */
    public static String withoutSubject(String role) {
        return Jwt.upn("nobody@example.org").groups(Set.of(role)).sign();
    }

    public static String reviewer(String subject) {
        return of("reviewer", subject);
    }

    public static String reviewer() {
        return reviewer("reviewer-1@example.org");
    }

    public static String admin() {
        return of("admin", "officer@example.org");
    }

    public static String exchange() {
        return of("exchange", "exchange-a");
    }

    public static String expired(String role) {
        return Jwt.subject("late@example.org").upn("late@example.org").groups(Set.of(role)).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).sign();
    }

    public static String wrongIssuer(String role) {
        return Jwt.issuer("https://somebody-else.example").subject("x@example.org").upn("x@example.org").groups(Set.of(role)).sign();
    }

    public static String otherKey(String role) {
        try {
            PrivateKey key = KeyUtils.readPrivateKey("test-jwt/other-private.pem");
            return Jwt.subject("x@example.org").upn("x@example.org").groups(Set.of(role)).sign(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token of the role whose payload was changed after signing: its subject. */
    public static String tampered(String role) {
        String[] parts = of(role, "mallory@example.org").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("mallory@", "officer@");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** An unsigned token ("alg": "none") with the role. */
    public static String unsigned(String role) {
        String[] parts = of(role, "x@example.org").split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }
}
