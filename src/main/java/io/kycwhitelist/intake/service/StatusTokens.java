package io.kycwhitelist.intake.service;

import io.kycwhitelist.common.Hashes;
import io.kycwhitelist.common.config.KycConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

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
    private final byte[] secret;

    StatusTokens(KycConfig config) {
        this.secret = config.statusToken().secret().getBytes(StandardCharsets.UTF_8);
    }

    String random() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    String derived(String idempotencyKey, String requestHash) {
        return BASE64URL.encodeToString(Hashes.hmacSha256(secret, "status-token\n" + idempotencyKey + "\n" + requestHash));
    }

    static String hash(String token) {
        return Hashes.sha256Hex(token);
    }

    static boolean matches(String token, String storedHash) {
        return token != null && MessageDigest.isEqual(
                hash(token).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
