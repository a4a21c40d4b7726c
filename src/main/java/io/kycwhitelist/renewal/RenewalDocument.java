package io.kycwhitelist.renewal;

import io.kycwhitelist.intake.UploadedDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** A document of a renewal (its identity document, a Professional Investor's evidence), sealed. */
@Entity
@Table(name = "renewal_document")
public class RenewalDocument extends UploadedDocument {

    @Column(name = "renewal_id", nullable = false)
    public UUID renewalId;

    public static List<RenewalDocument> of(UUID renewalId) {
        return list("renewalId = ?1 order by kind", renewalId);
    }
}
