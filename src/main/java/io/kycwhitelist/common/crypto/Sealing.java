package io.kycwhitelist.common.crypto;

import io.kycwhitelist.common.config.KycConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** The cipher of the personal data at rest, from the configured keys (a bad key stops the start). */
@ApplicationScoped
public class Sealing {

    private final FieldCipher cipher;

    Sealing(KycConfig config) {
        this.cipher = FieldCipher.parse(config.encryption().keys(), config.encryption().activeKey());
    }

    public String activeKeyId() {
        return cipher.activeKeyId();
    }

    public byte[] seal(byte[] plaintext) {
        return cipher.seal(plaintext);
    }

    public byte[] open(byte[] sealed) {
        return cipher.open(sealed);
    }

    public byte[] sealText(String text) {
        return cipher.sealText(text);
    }

    public String openText(byte[] sealed) {
        return cipher.openText(sealed);
    }

    public byte[] sealDate(LocalDate date) {
        return cipher.sealText(date.toString());
    }

    public LocalDate openDate(byte[] sealed) {
        return LocalDate.parse(cipher.openText(sealed));
    }
}
