-- Reviewers' decisions, the whitelist store, and the transactional outbox that feeds it.

CREATE TABLE review_decision (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id uuid         NOT NULL REFERENCES application (id),
    reviewer       varchar(200) NOT NULL,
    decision       varchar(16)  NOT NULL CHECK (decision IN ('APPROVE', 'REJECT')),
    reason         varchar(2000),
    policy_version varchar(64)  NOT NULL,
    decided_at     timestamptz  NOT NULL,
    CHECK (decision = 'APPROVE' OR reason IS NOT NULL)
);

CREATE INDEX review_decision_application ON review_decision (application_id, id);

-- Whitelist changes waiting to be published. The decision and its events commit together; the
-- publisher marks an event published in the transaction that applies it.
CREATE TABLE outbox_event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       uuid         NOT NULL UNIQUE,
    type           varchar(32)  NOT NULL CHECK (type IN ('WHITELIST_ACTIVATED', 'WHITELIST_REVOKED')),
    chain          varchar(16)  NOT NULL,
    address        varchar(42)  NOT NULL,
    application_id uuid         NOT NULL REFERENCES application (id),
    expires_at     timestamptz,
    reason         varchar(2000),
    created_at     timestamptz  NOT NULL,
    published_at   timestamptz
);

CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;

-- The whitelist: one entry per address. change_seq orders changes for the replicas that each
-- instance keeps in memory; writers serialize on an advisory lock so that it also orders commits.
CREATE SEQUENCE whitelist_change_seq;

CREATE TABLE whitelist_entry (
    address_key    varchar(42)  PRIMARY KEY CHECK (address_key = lower(address)),
    address        varchar(42)  NOT NULL,
    chain          varchar(16)  NOT NULL,
    status         varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
    application_id uuid         NOT NULL REFERENCES application (id),
    since          timestamptz  NOT NULL,
    expires_at     timestamptz,
    reason         varchar(2000),
    last_event_id  bigint       NOT NULL,
    change_seq     bigint       NOT NULL
);

CREATE INDEX whitelist_entry_change_seq ON whitelist_entry (change_seq);
