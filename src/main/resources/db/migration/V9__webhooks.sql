-- Webhooks to exchanges: registered endpoints (the signing secret sealed like personal data), and
-- one delivery per whitelist change and endpoint, written in the transaction that publishes the
-- change; retried with exponential backoff, then parked as DEAD until an admin replays it.
CREATE TABLE webhook_endpoint (
    id            uuid          PRIMARY KEY,
    url           varchar(2000) NOT NULL,
    secret_sealed bytea         NOT NULL,
    event_types   jsonb         NOT NULL,
    created_by    varchar(200)  NOT NULL,
    created_at    timestamptz   NOT NULL
);

CREATE TABLE webhook_delivery (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id     uuid          NOT NULL REFERENCES webhook_endpoint (id),
    event_id        uuid          NOT NULL,
    event_type      varchar(32)   NOT NULL,
    address         varchar(42)   NOT NULL,
    payload         text          NOT NULL,
    status          varchar(16)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        integer       NOT NULL,
    next_attempt_at timestamptz   NOT NULL,
    give_up_at      timestamptz   NOT NULL,
    last_error      varchar(500),
    created_at      timestamptz   NOT NULL,
    delivered_at    timestamptz,
    UNIQUE (endpoint_id, event_id)
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (endpoint_id, id) WHERE status = 'PENDING';
