-- Entries whose applicant became restricted under a later policy or sanctions list are SUSPENDED
-- (through the outbox); an admin may reinstate them, four eyes: one asks, another confirms.
ALTER TABLE whitelist_entry DROP CONSTRAINT whitelist_entry_status_check;
ALTER TABLE whitelist_entry ADD CONSTRAINT whitelist_entry_status_check
    CHECK (status IN ('ACTIVE', 'REVOKED', 'EXPIRED', 'SUSPENDED'));
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_type_check;
ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_type_check
    CHECK (type IN ('WHITELIST_ACTIVATED', 'WHITELIST_REVOKED', 'WHITELIST_EXPIRED', 'WHITELIST_SUSPENDED'));

CREATE TABLE whitelist_reinstatement (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    address_key     varchar(42)   NOT NULL REFERENCES whitelist_entry (address_key),
    requested_by    varchar(200)  NOT NULL,
    request_reason  varchar(2000) NOT NULL,
    requested_at    timestamptz   NOT NULL,
    confirmed_by    varchar(200),
    confirm_reason  varchar(2000),
    confirmed_at    timestamptz,
    CHECK (confirmed_by IS NULL OR confirmed_by <> requested_by)
);

-- At most one reinstatement of an entry waits for its second admin.
CREATE UNIQUE INDEX whitelist_reinstatement_open ON whitelist_reinstatement (address_key) WHERE confirmed_at IS NULL;

-- Reloads announced to every instance (the policy, the sanctions lists): one generation counter each.
CREATE TABLE reload_generation (
    name       varchar(32)  PRIMARY KEY,
    generation bigint       NOT NULL,
    loaded_by  varchar(200),
    loaded_at  timestamptz  NOT NULL
);

INSERT INTO reload_generation (name, generation, loaded_by, loaded_at)
    SELECT 'sanctions-lists', generation, loaded_by, loaded_at FROM sanctions_lists_generation;
INSERT INTO reload_generation (name, generation, loaded_by, loaded_at) VALUES ('policy', 0, NULL, now());
-- sanctions_lists_generation stays while instances of the previous release run beside this one
-- (a rolling update): they still follow reloads through it. A later migration drops it.

-- Re-screenings of the whitelist and the open applications: one per basis (the policy's hash and
-- the sanctions lists' hashes), run by one instance when it first sees that basis.
CREATE TABLE rescreening (
    id                     uuid          PRIMARY KEY,
    basis                  varchar(200)  NOT NULL UNIQUE,
    policy_version         varchar(64)   NOT NULL,
    policy_sha256          varchar(64)   NOT NULL,
    lists_sha256           varchar(64)   NOT NULL,
    names_screened         boolean       NOT NULL,
    started_at             timestamptz   NOT NULL,
    finished_at            timestamptz,
    entries_checked        integer       NOT NULL DEFAULT 0,
    applications_checked   integer       NOT NULL DEFAULT 0,
    entries_suspended      integer       NOT NULL DEFAULT 0,
    applications_rejected  integer       NOT NULL DEFAULT 0,
    applications_flagged   integer       NOT NULL DEFAULT 0,
    failure                varchar(2000)
);

-- Renewals: the holder of an approved application sends a new identity document through the
-- status link; a reviewer approves it and the entries are ACTIVE until the new document's expiry.
CREATE TABLE renewal (
    id                        uuid          PRIMARY KEY,
    application_id            uuid          NOT NULL REFERENCES application (id),
    status                    varchar(20)   NOT NULL CHECK (status IN ('PENDING_DOCUMENT', 'PENDING_REVIEW', 'APPROVED', 'REJECTED')),
    id_document_type          varchar(20)   NOT NULL,
    id_document_number_sealed bytea         NOT NULL,
    id_document_issuing_country varchar(2)  NOT NULL,
    id_document_expiry        date          NOT NULL,
    reasons                   jsonb         NOT NULL,
    policy_version            varchar(64)   NOT NULL,
    content_type              varchar(40),
    content                   bytea,
    size_bytes                integer,
    sha256                    varchar(64),
    requested_at              timestamptz   NOT NULL,
    document_at               timestamptz,
    decided_by                varchar(200),
    decision_reason           varchar(2000),
    decided_at                timestamptz,
    version                   bigint        NOT NULL
);

-- One renewal at a time per application.
CREATE UNIQUE INDEX renewal_open ON renewal (application_id) WHERE status IN ('PENDING_DOCUMENT', 'PENDING_REVIEW');
CREATE INDEX renewal_queue ON renewal (requested_at) WHERE status = 'PENDING_REVIEW';

-- "Is a change of this address on its way?": asked per address by the re-screening, the expiry
-- job, revocations and reinstatements; only unpublished events, a few at a time.
CREATE INDEX outbox_event_unpublished_address ON outbox_event (lower(address)) WHERE published_at IS NULL;
