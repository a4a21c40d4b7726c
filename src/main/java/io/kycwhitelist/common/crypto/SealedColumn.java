package io.kycwhitelist.common.crypto;

import java.util.UUID;

/**
 * Every column that holds sealed values, in one place: re-sealing (key rotation), erasure and
 * retention work from this list, and a test fails when the schema has a sealed column it does not
 * name. A value is bound to its context, {@code table.column/row}: sealed for one row, it opens in
 * no other (see {@link FieldCipher}).
 */
public enum SealedColumn {
    APPLICATION_DATE_OF_BIRTH("application", "date_of_birth_sealed", "id::text", "id = ?", Erasure.SET_NULL, 200),
    APPLICATION_ID_DOCUMENT_NUMBER("application", "id_document_number_sealed", "id::text", "id = ?", Erasure.SET_NULL, 200),
    /** Documents stored before sealing existed are plaintext ({@code NOT sealed}) until the start-up pass seals them. */
    APPLICATION_DOCUMENT("application_document", "content", "application_id::text || '/' || kind", "application_id = ?", Erasure.DELETE_ROW, 10),
    RENEWAL_ID_DOCUMENT_NUMBER("renewal", "id_document_number_sealed", "id::text", "application_id = ?", Erasure.SET_NULL, 200),
    RENEWAL_DOCUMENT("renewal_document", "content", "renewal_id::text || '/' || kind",
            "renewal_id IN (SELECT r.id FROM renewal r WHERE r.application_id = ?)", Erasure.DELETE_ROW, 10),
    /** An exchange's webhook signing secret: not personal data, never erased with an application. */
    WEBHOOK_SECRET("webhook_endpoint", "secret_sealed", "id::text", null, null, 200);

    /** What erasing an application does to its values of a column. */
    public enum Erasure { SET_NULL, DELETE_ROW }

    private final String table;
    private final String column;
    private final String rowKey;
    private final String ownedBy;
    private final Erasure erasure;
    private final int batch;

    SealedColumn(String table, String column, String rowKey, String ownedBy, Erasure erasure, int batch) {
        this.table = table;
        this.column = column;
        this.rowKey = rowKey;
        this.ownedBy = ownedBy;
        this.erasure = erasure;
        this.batch = batch;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    /** SQL giving a row's key, as {@link #context} expects it. */
    public String rowKey() {
        return rowKey;
    }

    /** SQL condition, with one parameter (an application id), selecting the rows of that application; null when not personal data. */
    public String ownedBy() {
        return ownedBy;
    }

    public Erasure erasure() {
        return erasure;
    }

    public boolean personalData() {
        return ownedBy != null;
    }

    /** Rows sealed again in one transaction. */
    public int batch() {
        return batch;
    }

    /** What a value of this column is bound to: the table, the column and the row. */
    public String context(Object row) {
        return table + "." + column + "/" + row;
    }

    /** The row key of a document: its owner (application or renewal) and its kind. */
    public static String documentRow(UUID owner, Enum<?> kind) {
        return owner + "/" + kind.name();
    }
}
