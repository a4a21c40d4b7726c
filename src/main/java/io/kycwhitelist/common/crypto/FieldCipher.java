package io.kycwhitelist.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for personal data at rest. A sealed value carries the id of its key:
 * {@code 0x02 | key id length | key id (UTF-8) | 12-byte nonce | ciphertext and 16-byte tag}. The
 * additional data authenticates the format, the key id and the value's context (its table, column
 * and row, see {@link SealedColumn}), so a value can neither be passed off under another key nor
 * moved to another row or column: it opens only where it was sealed. Several keys can open; one,
 * the active key, seals: keys rotate by adding a new active key and re-sealing what the old ones
 * sealed. Values of the first format ({@code 0x01}, the key id alone authenticated) open anywhere,
 * until they are re-sealed, unless {@code acceptUnbound} is off: then only bound values open.
 */
public final class FieldCipher {

    /** The format of values bound to their context. */
    public static final byte FORMAT = 2;
    private static final byte UNBOUND = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;
    private final boolean acceptUnbound;

    /**
     * @param keys key id to a 32-byte AES key
     * @param activeKeyId the key that seals; must be among {@code keys}
     */
    public FieldCipher(Map<String, byte[]> keys, String activeKeyId, boolean acceptUnbound) {
        Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (key.length != 32) {
                throw new IllegalArgumentException("The encryption key " + id + " must be 32 bytes (AES-256), it is " + key.length);
            }
            if (id.isEmpty() || id.getBytes(StandardCharsets.UTF_8).length > 64) {
                throw new IllegalArgumentException("A key id must be 1 to 64 bytes: '" + id + "'");
            }
            specs.put(id, new SecretKeySpec(key, "AES"));
        });
        if (!specs.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active key " + activeKeyId + " is not among the keys " + specs.keySet());
        }
        this.keys = Map.copyOf(specs);
        this.activeKeyId = activeKeyId;
        this.acceptUnbound = acceptUnbound;
    }

    /**
     * Reads keys written {@code id:base64,id:base64} (each a 32-byte key in Base64).
     *
     * @throws IllegalArgumentException naming what is wrong, never showing a key
     */
    public static FieldCipher parse(String keys, String activeKeyId) {
        return parse(keys, activeKeyId, true);
    }

    /** As {@link #parse(String, String)}, refusing values of the first (unbound) format unless {@code acceptUnbound}. */
    public static FieldCipher parse(String keys, String activeKeyId, boolean acceptUnbound) {
        Map<String, byte[]> parsed = new LinkedHashMap<>();
        for (String entry : keys.split(",")) {
            String e = entry.trim();
            int colon = e.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("Encryption keys are written id:base64,id:base64; an entry has no id");
            }
            try {
                parsed.put(e.substring(0, colon).trim(), Base64.getDecoder().decode(e.substring(colon + 1).trim()));
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("The encryption key " + e.substring(0, colon).trim() + " is not Base64");
            }
        }
        return new FieldCipher(parsed, activeKeyId, acceptUnbound);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /** Seals a value for its context (where it is stored: table, column, row). */
    public byte[] seal(byte[] plaintext, String context) {
        byte[] id = activeKeyId.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(additionalData(FORMAT, id, context));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(2 + id.length + NONCE_BYTES + sealed.length)
                    .put(FORMAT).put((byte) id.length).put(id).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Opens a value sealed for this context (or sealed in the first format, which names no context). */
    public byte[] open(byte[] sealed, String context) {
        String keyId = keyIdOf(sealed);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("A value is sealed under the key " + keyId + ", which is not configured (kyc.encryption.keys)");
        }
        if (sealed[0] == UNBOUND && !acceptUnbound) {
            throw new IllegalStateException("A value of the first, unbound format is refused for " + context + " (kyc.encryption.accept-unbound is off)");
        }
        int offset = 2 + sealed[1];
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, offset, NONCE_BYTES));
            cipher.updateAAD(sealed[0] == UNBOUND ? id : additionalData(FORMAT, id, context));
            return cipher.doFinal(sealed, offset + NONCE_BYTES, sealed.length - offset - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A value sealed under the key " + keyId + " does not open for " + context
                    + ": altered, moved from another row or column, or another key has this id", e);
        }
    }

    /** The id of the key a value was sealed under. */
    public static String keyIdOf(byte[] sealed) {
        if (sealed == null || sealed.length < 2 || (sealed[0] != FORMAT && sealed[0] != UNBOUND)
                || sealed.length < 2 + sealed[1] + NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("Not a sealed value");
        }
        return new String(sealed, 2, sealed[1], StandardCharsets.UTF_8);
    }

    public byte[] sealText(String text, String context) {
        return seal(text.getBytes(StandardCharsets.UTF_8), context);
    }

    public String openText(byte[] sealed, String context) {
        return new String(open(sealed, context), StandardCharsets.UTF_8);
    }

    private static byte[] additionalData(byte format, byte[] keyId, String context) {
        byte[] where = context.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + keyId.length + where.length).put(format).put((byte) keyId.length).put(keyId).put(where).array();
    }
}
