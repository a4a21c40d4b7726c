package io.kycwhitelist.intake.service;

import io.kycwhitelist.common.Hashes;
import io.kycwhitelist.common.config.KycConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Status tokens: 256-bit secrets an applicant presents to see and complete their application.
 * Only their SHA-256 is stored. A submission with an Idempotency-Key gets a token derived from
 * the key, the request and a server secret, so that a replay can hand the same token out again
 * without it ever being stored; the key itself is stored only as a hash.
 */
@ApplicationScoped
class StatusTokens {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec secret;

    StatusTokens(KycConfig config) {
        this.secret = new SecretKeySpec(config.statusToken().secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String random() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    String derived(String idempotencyKey, String requestHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return BASE64URL.encodeToString(mac.doFinal(("status-token\n" + idempotencyKey + "\n" + requestHash).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static String hash(String token) {
        return Hashes.sha256Hex(token);
    }

    static boolean matches(String token, String storedHash) {
        return token != null && MessageDigest.isEqual(
                hash(token).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
