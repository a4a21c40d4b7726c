-- Entries whose applicant became restricted under a later policy or sanctions list are SUSPENDED
-- (through the outbox); an admin may reinstate them, four eyes: one asks, another confirms.
ALTER TABLE whitelist_entry DROP CONSTRAINT whitelist_entry_status_check;
ALTER TABLE whitelist_entry ADD CONSTRAINT whitelist_entry_status_check
    CHECK (status IN ('ACTIVE', 'REVOKED', 'EXPIRED', 'SUSPENDED'));
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_type_check;
ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_type_check
    CHECK (type IN ('WHITELIST_ACTIVATED', 'WHITELIST_REVOKED', 'WHITELIST_EXPIRED', 'WHITELIST_SUSPENDED'));
