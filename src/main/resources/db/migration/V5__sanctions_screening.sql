-- Sanctions screening: each screening of an application records the lists it used (name, date,
-- content hash); each hit keeps the list entry as it was, and a reviewer's dismissal of it.

CREATE TABLE sanctions_screening (
    id             uuid        PRIMARY KEY,
    application_id uuid        NOT NULL REFERENCES application (id),
    screened_at    timestamptz NOT NULL,
    threshold      numeric(4, 3) NOT NULL,
    lists          jsonb       NOT NULL
);

CREATE INDEX sanctions_screening_application ON sanctions_screening (application_id, screened_at);

CREATE TABLE sanctions_hit (
    id               uuid         PRIMARY KEY,
    screening_id     uuid         NOT NULL REFERENCES sanctions_screening (id),
    application_id   uuid         NOT NULL REFERENCES application (id),
    subject          varchar(20)  NOT NULL,
    screened_value   text         NOT NULL,
    list             varchar(40)  NOT NULL,
    entry_id         varchar(40)  NOT NULL,
    matched_name     text         NOT NULL,
    score            numeric(4, 3) NOT NULL,
    why              jsonb        NOT NULL,
    entry            jsonb        NOT NULL,
    dismissed_by     varchar(200),
    dismissal_reason text,
    dismissed_at     timestamptz,
    CHECK ((dismissed_by IS NULL) = (dismissed_at IS NULL) AND (dismissed_by IS NULL) = (dismissal_reason IS NULL))
);

CREATE INDEX sanctions_hit_application ON sanctions_hit (application_id);
