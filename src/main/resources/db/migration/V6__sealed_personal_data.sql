-- Personal data at rest is sealed by the service with AES-256-GCM under a configured key whose id
-- is stored inside each value (FieldCipher): ID document numbers, dates of birth, documents.
ALTER TABLE application
    ADD COLUMN date_of_birth_sealed      bytea,
    ADD COLUMN id_document_number_sealed bytea,
    ALTER COLUMN date_of_birth DROP NOT NULL,
    ALTER COLUMN id_document_number DROP NOT NULL;

ALTER TABLE application_document ADD COLUMN sealed boolean NOT NULL DEFAULT false;

-- Rows written before this version are sealed by the service when it starts (PersonalDataSealing),
-- which then empties the plaintext columns; a later migration drops them.
