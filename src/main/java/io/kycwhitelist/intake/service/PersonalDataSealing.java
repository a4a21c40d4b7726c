package io.kycwhitelist.intake.service;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.crypto.FieldCipher;
import io.kycwhitelist.common.crypto.SealedColumn;
import io.kycwhitelist.common.crypto.Sealing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Keeps every sealed value of every {@link SealedColumn} sealed under the active key and bound to
 * its row: at start-up it seals what was stored in plaintext before sealing existed; in the
 * background (and on request, after a new key became active) it seals again what an older key or
 * the first, unbound format sealed. Works in small batches, each its own transaction with the
 * rows locked (SKIP LOCKED), so several replicas can run it at once.
 */
@ApplicationScoped
public class PersonalDataSealing {

    private static final Logger LOG = Logger.getLogger(PersonalDataSealing.class);
    private static final int PLAINTEXT_BATCH = 100;
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

    /**
     * What a pass sealed anew, per column ({@code table.column}), and how many values it could not
     * open (their key is gone, or they were altered or moved: each is logged by row, and left as it is).
     */
    @Schema(name = "Resealed")
    public record Resealed(String activeKey, Map<String, Integer> columns, int unreadable) {

        public int total() {
            return columns.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    void onStart(@Observes StartupEvent start) {
        int plaintext = sealPlaintext();
        if (plaintext > 0) {
            LOG.infof("Sealed under key %s: %d row(s) stored in plaintext before sealing existed", sealing.activeKeyId(), plaintext);
        }
    }

    /** Values of another key or of the unbound format (written before this version, or by an instance of the previous release). */
    @Scheduled(every = "${kyc.encryption.reseal-interval:6h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resealJob() {
        Resealed done = reseal();
        if (done.total() > 0 || done.unreadable() > 0) {
            LOG.infof("Sealed again under key %s: %s, %d value(s) that do not open left as they are", done.activeKey(), done.columns(), done.unreadable());
        }
    }

    /** Seals under the active key, bound to its row, every value that is under another key or unbound. */
    public Resealed reseal() {
        sealPlaintext();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int unreadable = 0;
        for (SealedColumn column : SealedColumn.values()) {
            Set<String> failed = new HashSet<>();
            int total = 0;
            int batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(() -> resealBatch(column, failed));
                total += batch;
            } while (batch > 0);
            counts.put(column.table() + "." + column.column(), total - failed.size());
            unreadable += failed.size();
        }
        return new Resealed(sealing.activeKeyId(), counts, unreadable);
    }

    /** Reseals and records it in the audit trail. */
    public Resealed resealAndRecord(String actor) {
        Resealed done = reseal();
        QuarkusTransaction.requiringNew().run(() -> audit.record(actor, AuditAction.PERSONAL_DATA_RESEALED, null, null,
                "key=" + done.activeKey() + " " + done.columns() + " unreadable=" + done.unreadable(), Instant.now()));
        LOG.infof("Re-sealed under key %s: %s, %d value(s) that do not open left as they are", done.activeKey(), done.columns(), done.unreadable());
        return done;
    }

    /** One batch of a column's values to seal again; values that do not open are added to {@code failed} and skipped from then on. */
    private int resealBatch(SealedColumn column, Set<String> failed) throws SQLException {
        String value = column.column();
        String sealedRows = column == SealedColumn.APPLICATION_DOCUMENT ? " AND sealed" : "";
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT id, " + column.rowKey() + ", " + value + " FROM " + column.table()
                     + " WHERE " + value + " IS NOT NULL" + sealedRows + " AND (get_byte(" + value + ", 0) <> " + FieldCipher.FORMAT
                     + " OR " + String.format(KEY_ID, value) + " <> ?) AND NOT (id::text = ANY (?)) LIMIT " + column.batch() + " FOR UPDATE SKIP LOCKED");
             PreparedStatement update = c.prepareStatement("UPDATE " + column.table() + " SET " + value + " = ? WHERE id = ?")) {
            select.setString(1, sealing.activeKeyId());
            select.setArray(2, c.createArrayOf("text", failed.toArray()));
            int rows = 0;
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    String row = r.getString(2);
                    rows++;
                    byte[] plaintext;
                    try {
                        plaintext = sealing.open(column, row, r.getBytes(3));
                    } catch (IllegalStateException unreadable) {
                        failed.add(r.getString(1));
                        LOG.errorf("Not sealed again: %s of row %s does not open (%s)", column.table() + "." + value, r.getString(1), unreadable.getMessage());
                        continue;
                    }
                    update.setBytes(1, sealing.seal(column, row, plaintext));
                    update.setObject(2, r.getObject(1));
                    update.addBatch();
                }
            }
            update.executeBatch();
            return rows;
        }
    }

    /** Seals what a version before sealing stored in plaintext: birth dates, ID numbers, documents. */
    private int sealPlaintext() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::plaintextBatch);
            total += batch;
        } while (batch > 0);
        return total;
    }

    private int plaintextBatch() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement applications = c.prepareStatement("SELECT id, date_of_birth, id_document_number FROM application"
                     + " WHERE date_of_birth IS NOT NULL OR id_document_number IS NOT NULL LIMIT " + PLAINTEXT_BATCH + " FOR UPDATE SKIP LOCKED");
             PreparedStatement sealApplication = c.prepareStatement("UPDATE application SET date_of_birth_sealed = coalesce(?, date_of_birth_sealed),"
                     + " id_document_number_sealed = coalesce(?, id_document_number_sealed), date_of_birth = NULL, id_document_number = NULL WHERE id = ?");
             PreparedStatement documents = c.prepareStatement("SELECT id, application_id, kind, content FROM application_document"
                     + " WHERE NOT sealed LIMIT 10 FOR UPDATE SKIP LOCKED");
             PreparedStatement sealDocument = c.prepareStatement("UPDATE application_document SET content = ?, sealed = true WHERE id = ?")) {
            List<Object> done = new ArrayList<>();
            try (ResultSet r = applications.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    LocalDate birth = r.getDate(2) == null ? null : r.getDate(2).toLocalDate();
                    String number = r.getString(3);
                    sealApplication.setBytes(1, birth == null ? null : sealing.sealDate(SealedColumn.APPLICATION_DATE_OF_BIRTH, id, birth));
                    sealApplication.setBytes(2, number == null ? null : sealing.sealText(SealedColumn.APPLICATION_ID_DOCUMENT_NUMBER, id, number));
                    sealApplication.setObject(3, id);
                    sealApplication.addBatch();
                    done.add(id);
                }
            }
            sealApplication.executeBatch();
            try (ResultSet r = documents.executeQuery()) {
                while (r.next()) {
                    String row = r.getObject(2, UUID.class) + "/" + r.getString(3);
                    sealDocument.setBytes(1, sealing.seal(SealedColumn.APPLICATION_DOCUMENT, row, r.getBytes(4)));
                    sealDocument.setObject(2, r.getObject(1));
                    sealDocument.addBatch();
                    done.add(r.getObject(1));
                }
            }
            sealDocument.executeBatch();
            return done.size();
        }
    }
}
