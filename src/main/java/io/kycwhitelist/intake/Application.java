package io.kycwhitelist.intake;

import io.kycwhitelist.policy.DocumentType;
import io.kycwhitelist.policy.Flag;
import io.kycwhitelist.policy.Reason;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A whitelisting application. For an organisation the person columns hold its representative.
 * Identity data is personal data: it never goes to logs.
 */
@Entity
@DynamicUpdate // writes only what changed: never an older copy of a sealed value that re-sealing renewed meanwhile
@Table(name = "application")
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "applicant_type", nullable = false)
    public ApplicantType applicantType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Reason> reasons = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Flag> flags = new ArrayList<>();

    /** SHA-256 (hex) of the status token; the token itself is never stored. */
    @Column(name = "status_token_hash", nullable = false)
    public String statusTokenHash;

    @Column(name = "full_legal_name", nullable = false)
    public String fullLegalName;

    /** Sealed (AES-GCM, {@link io.kycwhitelist.common.crypto.Sealing}): open with Sealing#openDate. */
    @Column(name = "date_of_birth_sealed")
    public byte[] dateOfBirthSealed;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> citizenships;

    @Column(name = "country_of_residence", nullable = false)
    public String countryOfResidence;

    @Column(name = "residence_subdivision")
    public String residenceSubdivision;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "tax_residences", nullable = false)
    public List<String> taxResidences;

    @Column(name = "us_permanent_resident", nullable = false)
    public boolean usPermanentResident;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_document_type", nullable = false)
    public DocumentType idDocumentType;

    /** Sealed (AES-GCM): open with Sealing#openText. */
    @Column(name = "id_document_number_sealed")
    public byte[] idDocumentNumberSealed;

    @Column(name = "id_document_issuing_country", nullable = false)
    public String idDocumentIssuingCountry;

    @Column(name = "id_document_expiry", nullable = false)
    public LocalDate idDocumentExpiry;

    @Column(name = "organization_legal_name")
    public String organizationLegalName;

    @Column(name = "registration_number")
    public String registrationNumber;

    @Column(name = "country_of_incorporation")
    public String countryOfIncorporation;

    @Column(name = "principal_place_of_business")
    public String principalPlaceOfBusiness;

    @Column(nullable = false)
    public String email;

    @Column(name = "professional_investor", nullable = false)
    public boolean professionalInvestor;

    @Column(name = "not_us_person", nullable = false)
    public boolean notUsPerson;

    @Column(name = "terms_version", nullable = false)
    public String termsVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When its personal data was erased (on request or after the retention period); null while it is kept. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "erasure_reason")
    public String erasureReason;

    @Version
    @Column(nullable = false)
    public long version;

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<ApplicationWallet> wallets = new ArrayList<>();

    /** The documents this application needs, given its flags. */
    public List<DocumentKind> requiredDocuments() {
        return DocumentKind.requiredFor(flags);
    }
}
