package io.kycwhitelist.intake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentSnifferTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0};
    static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void eachTypeIsRecognisedByItsSignature() {
        assertTrue(DocumentSniffer.matches("image/jpeg", JPEG));
        assertTrue(DocumentSniffer.matches("image/png", PNG));
        assertTrue(DocumentSniffer.matches("application/pdf", PDF));
        assertTrue(DocumentSniffer.matches("Application/PDF; charset=binary", PDF));
    }

    @Test
    void aDeclaredTypeThatDoesNotMatchTheContentIsRefused() {
        assertFalse(DocumentSniffer.matches("image/jpeg", PNG));
        assertFalse(DocumentSniffer.matches("image/png", PDF));
        assertFalse(DocumentSniffer.matches("application/pdf", JPEG));
    }

    @Test
    void truncatedContentAndOtherTypesAreRefused() {
        assertFalse(DocumentSniffer.matches("image/png", new byte[] {(byte) 0x89, 'P'}));
        assertFalse(DocumentSniffer.matches("image/gif", "GIF89a".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(DocumentSniffer.matches(null, PDF));
    }
}
