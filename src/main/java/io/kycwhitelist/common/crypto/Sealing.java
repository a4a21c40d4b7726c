package io.kycwhitelist.common.crypto;

import io.kycwhitelist.common.config.KycConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * The cipher of the personal data at rest, from the configured keys (a bad key stops the start).
 * Every value is sealed for its column and row ({@link SealedColumn#context}) and opens only there.
 */
@ApplicationScoped
public class Sealing {

    private final FieldCipher cipher;

    Sealing(KycConfig config) {
        this.cipher = FieldCipher.parse(config.encryption().keys(), config.encryption().activeKey(), config.encryption().acceptUnbound());
    }

    public String activeKeyId() {
        return cipher.activeKeyId();
    }

    public byte[] seal(SealedColumn column, Object row, byte[] plaintext) {
        return cipher.seal(plaintext, column.context(row));
    }

    public byte[] open(SealedColumn column, Object row, byte[] sealed) {
        return cipher.open(sealed, column.context(row));
    }

    public byte[] sealText(SealedColumn column, Object row, String text) {
        return cipher.sealText(text, column.context(row));
    }

    /** Null for null: an erased value. */
    public String openText(SealedColumn column, Object row, byte[] sealed) {
        return sealed == null ? null : cipher.openText(sealed, column.context(row));
    }

    public byte[] sealDate(SealedColumn column, Object row, LocalDate date) {
        return sealText(column, row, date.toString());
    }

    /** Null for null: an erased value. */
    public LocalDate openDate(SealedColumn column, Object row, byte[] sealed) {
        return sealed == null ? null : LocalDate.parse(openText(column, row, sealed));
    }
}
