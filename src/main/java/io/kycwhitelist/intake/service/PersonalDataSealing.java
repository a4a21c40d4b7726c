package io.kycwhitelist.intake.service;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.crypto.Sealing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps every stored ID document number, date of birth and document sealed under the active key:
 * at start-up it seals what was stored in plaintext before sealing existed, and on request (after
 * a new key became active) it re-seals what older keys sealed. Works in small batches, each its
 * own transaction with the rows locked (SKIP LOCKED), so several replicas can run it at once.
 */
@ApplicationScoped
public class PersonalDataSealing {

    private static final Logger LOG = Logger.getLogger(PersonalDataSealing.class);
    private static final int APPLICATION_BATCH = 200;
    private static final int DOCUMENT_BATCH = 10;
    /** The key id inside a sealed value: byte 1 is its length, it starts at byte 2 (SQL substring counts from 1). */
    private static final String KEY_ID = "convert_from(substring(%1$s from 3 for get_byte(%1$s, 1)), 'UTF8')";

    private final AgroalDataSource dataSource;
    private final Sealing sealing;
    private final AuditTrail audit;

    PersonalDataSealing(AgroalDataSource dataSource, Sealing sealing, AuditTrail audit) {
        this.dataSource = dataSource;
        this.sealing = sealing;
        this.audit = audit;
    }

    /** What a pass sealed anew. */
    public record Resealed(String activeKey, int applications, int documents) {}

    void onStart(@Observes StartupEvent start) {
        Resealed done = reseal();
        if (done.applications() + done.documents() > 0) {
            LOG.infof("Sealed under key %s: %d application(s), %d document(s)", done.activeKey(), done.applications(), done.documents());
        }
    }

    /** Seals under the active key everything that is in plaintext or under another key. */
    public Resealed reseal() {
        int applications = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::applicationBatch);
            applications += batch;
        } while (batch == APPLICATION_BATCH);
        int documents = 0;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::documentBatch);
            documents += batch;
        } while (batch == DOCUMENT_BATCH);
        return new Resealed(sealing.activeKeyId(), applications, documents);
    }

    /** Reseals and records it in the audit trail. */
    public Resealed resealAndRecord(String actor) {
        Resealed done = reseal();
        QuarkusTransaction.requiringNew().run(() -> audit.record(actor, AuditAction.PERSONAL_DATA_RESEALED, null, null,
                "key=" + done.activeKey() + " applications=" + done.applications() + " documents=" + done.documents(), Instant.now()));
        LOG.infof("Re-sealed under key %s: %d application(s), %d document(s)", done.activeKey(), done.applications(), done.documents());
        return done;
    }

    private int applicationBatch() throws SQLException {
        String key = sealing.activeKeyId();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT id, date_of_birth, id_document_number, date_of_birth_sealed, id_document_number_sealed"
                     + " FROM application WHERE date_of_birth IS NOT NULL OR id_document_number IS NOT NULL"
                     + " OR " + String.format(KEY_ID, "date_of_birth_sealed") + " <> ? OR " + String.format(KEY_ID, "id_document_number_sealed") + " <> ?"
                     + " LIMIT " + APPLICATION_BATCH + " FOR UPDATE SKIP LOCKED")) {
            select.setString(1, key);
            select.setString(2, key);
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    LocalDate birth = r.getDate(2) != null ? r.getDate(2).toLocalDate() : sealing.openDate(r.getBytes(4));
                    String number = r.getString(3) != null ? r.getString(3) : sealing.openText(r.getBytes(5));
                    rows.add(new Object[] {r.getObject(1, UUID.class), sealing.sealDate(birth), sealing.sealText(number)});
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE application SET date_of_birth_sealed = ?, id_document_number_sealed = ?,"
                    + " date_of_birth = NULL, id_document_number = NULL WHERE id = ?")) {
                for (Object[] row : rows) {
                    update.setBytes(1, (byte[]) row[1]);
                    update.setBytes(2, (byte[]) row[2]);
                    update.setObject(3, row[0]);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return rows.size();
        }
    }

    private int documentBatch() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT id, content, sealed FROM application_document"
                     + " WHERE NOT sealed OR " + String.format(KEY_ID, "content") + " <> ? LIMIT " + DOCUMENT_BATCH + " FOR UPDATE SKIP LOCKED")) {
            select.setString(1, sealing.activeKeyId());
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    byte[] content = r.getBoolean(3) ? sealing.open(r.getBytes(2)) : r.getBytes(2);
                    rows.add(new Object[] {r.getObject(1), sealing.seal(content)});
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE application_document SET content = ?, sealed = true WHERE id = ?")) {
                for (Object[] row : rows) {
                    update.setBytes(1, (byte[]) row[1]);
                    update.setObject(2, row[0]);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return rows.size();
        }
    }
}
