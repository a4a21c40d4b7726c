-- Which reload of the sanctions lists is in force: a reload on one instance raises the
-- generation; every other instance sees it within kyc.sanctions.sync-interval and reloads too.
CREATE TABLE sanctions_lists_generation (
    id         integer     PRIMARY KEY CHECK (id = 1),
    generation bigint      NOT NULL,
    loaded_by  varchar(200),
    loaded_at  timestamptz NOT NULL
);

INSERT INTO sanctions_lists_generation (id, generation, loaded_by, loaded_at) VALUES (1, 0, NULL, now());
