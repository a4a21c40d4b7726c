package io.kycwhitelist.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A document uploaded for an application; one per kind, a new upload replaces the old. */
@Entity
@Table(name = "application_document")
public class ApplicationDocument extends UploadedDocument {

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    /** False for documents stored before sealing existed (plaintext); they are sealed at the next start. */
    @Column(nullable = false)
    public boolean sealed;
}
