package io.kycwhitelist.intake;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** Checks that a document's first bytes are those of the media type it was declared as. */
public final class DocumentSniffer {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String PDF = "application/pdf";

    private static final Map<String, byte[]> MAGIC = Map.of(
            JPEG, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            PNG, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
            PDF, new byte[] {'%', 'P', 'D', 'F', '-'});

    private DocumentSniffer() {}

    /** True when {@code content} starts with the signature of {@code mediaType} (parameters ignored). */
    public static boolean matches(String mediaType, byte[] content) {
        byte[] magic = MAGIC.get(baseType(mediaType));
        return magic != null && content.length >= magic.length
                && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    public static String baseType(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
