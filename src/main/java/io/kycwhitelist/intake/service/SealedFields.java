package io.kycwhitelist.intake.service;

import io.kycwhitelist.common.crypto.SealedColumn;
import io.kycwhitelist.common.crypto.Sealing;
import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** The sealed fields of applications and their documents, opened and sealed for their rows. Null where erased. */
@ApplicationScoped
public class SealedFields {

    private final Sealing sealing;

    SealedFields(Sealing sealing) {
        this.sealing = sealing;
    }

    public LocalDate dateOfBirth(Application app) {
        return sealing.openDate(SealedColumn.APPLICATION_DATE_OF_BIRTH, app.id, app.dateOfBirthSealed);
    }

    public String idDocumentNumber(Application app) {
        return sealing.openText(SealedColumn.APPLICATION_ID_DOCUMENT_NUMBER, app.id, app.idDocumentNumberSealed);
    }

    /** Call once the application has its id. */
    public void seal(Application app, LocalDate dateOfBirth, String idDocumentNumber) {
        app.dateOfBirthSealed = sealing.sealDate(SealedColumn.APPLICATION_DATE_OF_BIRTH, app.id, dateOfBirth);
        app.idDocumentNumberSealed = sealing.sealText(SealedColumn.APPLICATION_ID_DOCUMENT_NUMBER, app.id, idDocumentNumber);
    }

    /** Replaces the ID document number (a renewal's new document). */
    public void sealIdDocumentNumber(Application app, String idDocumentNumber) {
        app.idDocumentNumberSealed = sealing.sealText(SealedColumn.APPLICATION_ID_DOCUMENT_NUMBER, app.id, idDocumentNumber);
    }

    public byte[] content(ApplicationDocument document) {
        return document.sealed
                ? sealing.open(SealedColumn.APPLICATION_DOCUMENT, SealedColumn.documentRow(document.applicationId, document.kind), document.content)
                : document.content;
    }

    /** Call once the document has its application and kind. */
    public void seal(ApplicationDocument document, byte[] content) {
        document.content = sealing.seal(SealedColumn.APPLICATION_DOCUMENT, SealedColumn.documentRow(document.applicationId, document.kind), content);
        document.sealed = true;
    }
}
