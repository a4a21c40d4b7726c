-- Entries past their document's expiry are marked EXPIRED by a job, through the outbox.
ALTER TABLE whitelist_entry DROP CONSTRAINT whitelist_entry_status_check;
ALTER TABLE whitelist_entry ADD CONSTRAINT whitelist_entry_status_check CHECK (status IN ('ACTIVE', 'REVOKED', 'EXPIRED'));
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_type_check;
ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_type_check
    CHECK (type IN ('WHITELIST_ACTIVATED', 'WHITELIST_REVOKED', 'WHITELIST_EXPIRED'));
CREATE INDEX whitelist_entry_active_expiry ON whitelist_entry (expires_at) WHERE status = 'ACTIVE';
