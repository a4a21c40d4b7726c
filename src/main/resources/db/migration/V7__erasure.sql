-- Erasure of an application's personal data (on request or after the retention period): when,
-- and the reason; the decisions and the audit trail stay, the name becomes a keyed hash.
ALTER TABLE application
    ADD COLUMN erased_at      timestamptz,
    ADD COLUMN erasure_reason varchar(2000);
