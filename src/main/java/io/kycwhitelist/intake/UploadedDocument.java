package io.kycwhitelist.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The columns of an uploaded document (an application's or a renewal's): one per kind, sealed. */
@MappedSuperclass
public abstract class UploadedDocument extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentKind kind;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    /** SHA-256 (hex) of the content, for the audit trail. */
    @Column(nullable = false)
    public String sha256;

    /** The document, sealed (AES-GCM, bound to its row: see SealedColumn). */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    /** The kinds among {@code required} that none of the {@code uploaded} documents is. */
    public static List<DocumentKind> missing(List<DocumentKind> required, List<? extends UploadedDocument> uploaded) {
        Set<DocumentKind> present = uploaded.stream().map(d -> d.kind).collect(Collectors.toSet());
        return required.stream().filter(k -> !present.contains(k)).toList();
    }
}
