package io.kycwhitelist.screening.service;

import io.kycwhitelist.screening.ListSource;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One screening of an application against the lists in force, with the lists' names, dates and hashes. */
@Entity
@Table(name = "sanctions_screening")
public class SanctionsScreening extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "screened_at", nullable = false)
    public Instant screenedAt;

    @Column(nullable = false, precision = 4, scale = 3)
    public BigDecimal threshold;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ListSource> lists;

    /** The latest screening of an application. */
    public static Optional<SanctionsScreening> latest(UUID applicationId) {
        return find("applicationId = ?1 order by screenedAt desc", applicationId).firstResultOptional();
    }
}
