-- Proof that the applicant controls each wallet: signed challenges.

ALTER TABLE application_wallet
    ADD COLUMN proven_at       timestamptz,
    ADD COLUMN proof_message   text,
    ADD COLUMN proof_signature varchar(132);

CREATE TABLE wallet_challenge (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id uuid        NOT NULL REFERENCES application (id),
    address_key    varchar(42) NOT NULL,
    nonce          varchar(32) NOT NULL UNIQUE,
    message        text        NOT NULL,
    issued_at      timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz
);

CREATE INDEX wallet_challenge_wallet ON wallet_challenge (application_id, address_key, id);

ALTER TABLE outbox_event ADD COLUMN ownership_proven boolean NOT NULL DEFAULT false;
ALTER TABLE whitelist_entry ADD COLUMN ownership_proven boolean NOT NULL DEFAULT false;
