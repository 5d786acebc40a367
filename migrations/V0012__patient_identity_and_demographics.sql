-- Patients as a health system knows them (issue 14): a small master patient index.
--   patient_identifier    every (system, value) a source used for a patient; the same pair is the same patient. The
--                         system is the issuing authority (HL7 CX.4, FHIR identifier.system) or the feed's configured
--                         default for bare ids (docs/identity.md). PHI-adjacent: never logged.
--   patient.merged_into   a merged (retired) patient points at its survivor; identifiers keep pointing at the retired
--                         key and resolve through it, so an unmerge restores them.
--   patient_merge         the audited merge record: what moved, by whom, and whether it was undone.
--   patient_demographics  what outreach needs (name, phones, address, language) and what attribution reads (PCP,
--                         location, managing organization, payer). PHI in its own table: the screening path never
--                         reads it and nothing from it is ever logged.
CREATE TABLE patient_identifier (
    system      text        NOT NULL,
    value       text        NOT NULL,
    type        text,
    patient_key bigint      NOT NULL REFERENCES patient (patient_key),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_patient_identifier PRIMARY KEY (system, value)
);
CREATE INDEX ix_patient_identifier_patient ON patient_identifier (patient_key);
CREATE INDEX ix_patient_identifier_value ON patient_identifier (value);

-- Existing patients keep the identifier they were created with. Patients written before this migration were keyed on
-- external_id alone; the source system on record ('default' for bare ids) becomes its system ('local' for 'default',
-- the default system of bare ids from now on).
INSERT INTO patient_identifier (system, value, patient_key)
SELECT CASE WHEN source_system = 'default' THEN 'local' ELSE source_system END, external_id, patient_key FROM patient
ON CONFLICT DO NOTHING;

-- external_id / source_system stay as the first identifier a patient was created with (display and old queries);
-- they are no longer unique: LABCO's "14" and HOSP's "14" are two patients.
ALTER TABLE patient DROP CONSTRAINT ux_patient_external_id;
CREATE INDEX ix_patient_external_id ON patient (external_id);
ALTER TABLE patient ADD COLUMN merged_into bigint REFERENCES patient (patient_key);
CREATE INDEX ix_patient_merged_into ON patient (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE patient_merge (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    retired_key  bigint      NOT NULL REFERENCES patient (patient_key),
    survivor_key bigint      NOT NULL REFERENCES patient (patient_key),
    source       text        NOT NULL,
    actor        text        NOT NULL,
    merged_at    timestamptz NOT NULL DEFAULT now(),
    moved        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    unmerged_at  timestamptz,
    unmerged_by  text,
    CHECK (retired_key <> survivor_key)
);
CREATE UNIQUE INDEX ux_patient_merge_active ON patient_merge (retired_key) WHERE unmerged_at IS NULL;

CREATE TABLE patient_demographics (
    patient_key           bigint      PRIMARY KEY REFERENCES patient (patient_key),
    family_name           text,
    given_names           text[],
    phones                text[],
    address               text[],
    preferred_language    text,
    pcp_id                text,
    pcp_name              text,
    location              text,
    managing_organization text,
    payer                 text,
    updated_at            timestamptz NOT NULL DEFAULT now()
);
-- Patient search: name prefix (+ birth date on patient).
CREATE INDEX ix_patient_demographics_family ON patient_demographics (lower(family_name) text_pattern_ops);
