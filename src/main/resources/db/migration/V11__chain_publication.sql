-- The token contract's whitelist: one publication per whitelist change of an Ethereum address,
-- written in the transaction that publishes the change; a dispatcher sends it as a transaction of
-- the operator key (nonces in order), follows it to the configured number of confirmations, and
-- retries with exponential backoff before parking it as DEAD until an admin replays it.
CREATE TABLE chain_publication (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id          uuid         NOT NULL UNIQUE,
    -- the outbox event's id: an address's later changes have higher ones, whatever order they commit in
    sequence          bigint       NOT NULL,
    change_type       varchar(32)  NOT NULL,
    address           varchar(42)  NOT NULL,
    application_id    uuid         NOT NULL,
    -- what the contract is to hold: its status number and the end of an ACTIVE whitelisting (0: none)
    target_status     smallint     NOT NULL CHECK (target_status BETWEEN 0 AND 5),
    target_expires_at bigint       NOT NULL,
    status            varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'SENT', 'CONFIRMED', 'UNCHANGED', 'SUPERSEDED', 'DEAD')),
    nonce             bigint,
    gas_price         bigint,
    -- every hash sent under this nonce (a stuck transaction is sent again at a higher gas price), oldest first
    tx_hashes         text,
    tx_hash           varchar(66),
    block_number      bigint,
    attempts          integer      NOT NULL,
    next_attempt_at   timestamptz  NOT NULL,
    give_up_at        timestamptz  NOT NULL,
    last_error        varchar(500),
    created_at        timestamptz  NOT NULL,
    sent_at           timestamptz,
    confirmed_at      timestamptz
);

CREATE INDEX chain_publication_open ON chain_publication (sequence) WHERE status IN ('PENDING', 'SENT');
CREATE INDEX chain_publication_address ON chain_publication (address, sequence);
