package io.kycwhitelist.screening.service;

import io.kycwhitelist.screening.BirthDate;
import io.kycwhitelist.screening.ListedParty;
import io.kycwhitelist.screening.SanctionsList;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A possible match of an application's name or wallet on a sanctions list. Holds personal data
 * (the screened name): never logged.
 */
@Entity
@Table(name = "sanctions_hit")
public class SanctionsHit extends PanacheEntityBase {

    /** What of the application was screened. */
    public enum Subject {
        PERSON,
        ORGANISATION,
        REPRESENTATIVE,
        WALLET
    }

    @Id
    public UUID id;

    @Column(name = "screening_id", nullable = false)
    public UUID screeningId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Subject subject;

    /** The name or address that was screened. */
    @Column(name = "screened_value", nullable = false)
    public String screenedValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SanctionsList list;

    @Column(name = "entry_id", nullable = false)
    public String entryId;

    @Column(name = "matched_name", nullable = false)
    public String matchedName;

    @Column(nullable = false, precision = 4, scale = 3)
    public BigDecimal score;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> why;

    /** The list entry as it was when screened. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public ListedEntry entry;

    @Column(name = "dismissed_by")
    public String dismissedBy;

    @Column(name = "dismissal_reason")
    public String dismissalReason;

    @Column(name = "dismissed_at")
    public Instant dismissedAt;

    public boolean open() {
        return dismissedAt == null;
    }

    public static List<SanctionsHit> of(UUID applicationId) {
        return list("applicationId = ?1 order by subject, score desc, id", applicationId);
    }

    /** Whether the application has a possible name match no reviewer dismissed (a listed wallet is no match to dismiss). */
    public static boolean openNameMatch(UUID applicationId) {
        return of(applicationId).stream().anyMatch(h -> h.open() && h.subject != Subject.WALLET);
    }

    /**
     * A list entry as evidence: what a reviewer needs to tell the listed party from the applicant.
     *
     * @param birthDates as the list gives them: {@code 1977-03-25}, {@code 1977-03}, {@code 1977}, {@code 1955 to 1958}
     */
    public record ListedEntry(String type, String name, List<String> aliases, List<String> weakAliases, List<String> birthDates,
                              List<String> programs, List<String> countries, String remarks) {

        static final int MAX_REMARKS = 2000;

        public static ListedEntry of(ListedParty party) {
            String remarks = party.remarks();
            if (remarks != null && remarks.length() > MAX_REMARKS) {
                remarks = remarks.substring(0, MAX_REMARKS) + "...";
            }
            return new ListedEntry(party.type().name(), party.name(), party.aliases(), party.weakAliases(),
                    party.birthDates().stream().map(BirthDate::toString).toList(), party.programs(), party.countries(), remarks);
        }
    }
}
