package io.kycwhitelist.webhooks;

import io.kycwhitelist.common.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature of a webhook delivery: header {@code X-KYC-Signature: t=<unix seconds>,v1=<hex>},
 * where the hex is HMAC-SHA256 under the endpoint's secret of {@code <t>.<body>}. Receivers
 * recompute it, compare in constant time, and refuse timestamps far from their clock.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-KYC-Signature";

    private WebhookSignature() {}

    public static String header(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + body);
    }

    /** Whether a header is a valid signature of the body, made within {@code toleranceSeconds} of {@code now}. */
    public static boolean verify(String secret, String header, String body, long now, long toleranceSeconds) {
        if (header == null) {
            return false;
        }
        long timestamp = -1;
        String signature = null;
        for (String part : header.split(",")) {
            String p = part.trim();
            if (p.startsWith("t=")) {
                try {
                    timestamp = Long.parseLong(p.substring(2));
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (p.startsWith("v1=")) {
                signature = p.substring(3);
            }
        }
        if (timestamp < 0 || signature == null || Math.abs(now - timestamp) > toleranceSeconds) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    static String hmac(String secret, String text) {
        return HexFormat.of().formatHex(Hashes.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), text));
    }
}
