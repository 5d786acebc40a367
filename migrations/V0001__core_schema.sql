-- Core schema of Screening: patients, evidence, per-patient state, outreach tasks (with their event outbox),
-- screening runs, rejects and audit. Applied by `screening migrate` in one transaction; never edit once applied:
-- add a new numbered file instead (the journal refuses edited files by checksum).

-- Patients as the sources identify them. patient_key is the internal surrogate used in logs, events and URLs;
-- external_id (the identifier the source sent, e.g. HL7 PID-3 or FHIR Patient.identifier) is PHI-adjacent and
-- never leaves the database except to authorised users.
CREATE TABLE patient (
    patient_key    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id    text        NOT NULL,
    source_system  text        NOT NULL DEFAULT 'default',
    sex            text        NOT NULL DEFAULT 'unknown' CHECK (sex IN ('female', 'male', 'other', 'unknown')),
    birth_date     date,
    deceased_date  date,
    care_team      text        NOT NULL DEFAULT 'unassigned',
    hospice        boolean     NOT NULL DEFAULT false,
    opted_out      boolean     NOT NULL DEFAULT false,
    demographics_known boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_patient_external_id UNIQUE (external_id)
);

-- Laboratory evidence, append-only. Every distinct version of a result identity (source_system, result_id) is a
-- row; exactly one row per identity is current (the last version to arrive). A repeat of known content is a
-- duplicate (unique content hash) and changes nothing. Retractions (entered-in-error) are current tombstones.
CREATE TABLE lab_result (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_key     bigint      NOT NULL REFERENCES patient (patient_key),
    source_system   text        NOT NULL,
    result_id       text        NOT NULL,
    version         integer     NOT NULL DEFAULT 1,
    content_hash    text        NOT NULL,
    loinc           text        NOT NULL,
    analyte         text        NOT NULL,
    value           numeric,
    unit            text,
    canonical_value numeric,
    canonical_unit  text,
    collected_at    timestamptz NOT NULL,
    collected_on    date        NOT NULL,
    status          text        NOT NULL,
    encounter_class text        NOT NULL DEFAULT 'outpatient',
    reference_low   numeric,
    reference_high  numeric,
    is_current      boolean     NOT NULL DEFAULT false,
    received_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_lab_result_content UNIQUE (source_system, result_id, content_hash)
);
CREATE UNIQUE INDEX ux_lab_result_current ON lab_result (source_system, result_id) WHERE is_current;
CREATE INDEX ix_lab_result_patient_current ON lab_result (patient_key, collected_on) WHERE is_current;

-- Problem-list diagnoses (ICD-10-CM / SNOMED CT) with onset and abatement.
CREATE TABLE diagnosis (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_key   bigint      NOT NULL REFERENCES patient (patient_key),
    source_system text        NOT NULL,
    code          text        NOT NULL,
    code_system   text        NOT NULL,
    onset         date,
    abatement     date,
    received_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_diagnosis UNIQUE NULLS NOT DISTINCT (patient_key, code_system, code, onset)
);

-- Performed procedures (CPT / SNOMED CT), e.g. DXA scans.
CREATE TABLE clinical_procedure (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_key   bigint      NOT NULL REFERENCES patient (patient_key),
    source_system text        NOT NULL,
    procedure_id  text,
    code          text        NOT NULL,
    code_system   text        NOT NULL,
    performed_on  date        NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_clinical_procedure UNIQUE (patient_key, code_system, code, performed_on)
);

-- Per-patient screening state, recomputed by the pure rules for every patient an ingest batch touches.
CREATE TABLE patient_condition (
    patient_key     bigint      NOT NULL REFERENCES patient (patient_key),
    rule_id         text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('met', 'not-met', 'excluded', 'suspended')),
    reason          text,
    since           date,
    lowest_value    numeric,
    lowest_unit     text,
    lowest_on       date,
    evidence_count  integer     NOT NULL DEFAULT 0,
    finding         jsonb,
    rule_version    text        NOT NULL,
    evaluated_as_of date        NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (patient_key, rule_id)
);

CREATE TABLE screening_run (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    as_of             date        NOT NULL,
    trigger           text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    rule_version      text        NOT NULL,
    started_at        timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz,
    duration_ms       bigint,
    patients_screened integer     NOT NULL DEFAULT 0,
    findings          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    tasks_opened      integer     NOT NULL DEFAULT 0,
    tasks_updated     integer     NOT NULL DEFAULT 0,
    tasks_closed      integer     NOT NULL DEFAULT 0,
    tasks_reopened    integer     NOT NULL DEFAULT 0,
    error             text
);
CREATE INDEX ix_screening_run_as_of ON screening_run (as_of, started_at DESC);

-- Outreach tasks: the care team's worklist and the durable queue. The database enforces at most one open
-- (open / in-progress / snoozed) task per patient and rule.
CREATE TABLE outreach_task (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_key    bigint      NOT NULL REFERENCES patient (patient_key),
    rule_id        text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('open', 'in-progress', 'snoozed', 'completed', 'dismissed', 'closed')),
    priority       text        NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    care_team      text        NOT NULL,
    since          date,
    due_date       date,
    summary        text        NOT NULL,
    finding        jsonb       NOT NULL,
    evidence_key   text        NOT NULL,
    rule_version   text        NOT NULL,
    opened_at      timestamptz NOT NULL DEFAULT now(),
    opened_run_id  bigint      REFERENCES screening_run (id),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    snoozed_until  date,
    closed_at      timestamptz,
    close_reason   text,
    outcome        text
);
CREATE UNIQUE INDEX ux_outreach_task_one_open ON outreach_task (patient_key, rule_id)
    WHERE status IN ('open', 'in-progress', 'snoozed');
CREATE INDEX ix_outreach_task_worklist ON outreach_task (care_team, status, priority, due_date);
CREATE INDEX ix_outreach_task_patient ON outreach_task (patient_key);

-- The task's history and, at once, the outbox of task events: rows with publish = true are announced on
-- RabbitMQ after commit by the dispatcher, which marks them published; unpublished rows are re-sent after a
-- crash. The row id is the event id consumers dedupe on.
CREATE TABLE outreach_task_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id      bigint      NOT NULL REFERENCES outreach_task (id),
    kind         text        NOT NULL,
    actor        text        NOT NULL,
    detail       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    publish      boolean     NOT NULL DEFAULT false,
    published_at timestamptz
);
CREATE INDEX ix_outreach_task_event_task ON outreach_task_event (task_id, id);
CREATE INDEX ix_outreach_task_event_unpublished ON outreach_task_event (id) WHERE publish AND published_at IS NULL;

-- Everything that could not be used, with the reason and the raw payload: countable and replayable.
CREATE TABLE rejected_message (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at  timestamptz NOT NULL DEFAULT now(),
    source       text        NOT NULL,
    format       text        NOT NULL,
    reason_code  text        NOT NULL,
    detail       text        NOT NULL,
    location     text        NOT NULL DEFAULT '',
    payload      text        NOT NULL,
    payload_hash text        NOT NULL,
    status       text        NOT NULL DEFAULT 'rejected' CHECK (status IN ('rejected', 'replayed', 'rejected-again')),
    replayed_at  timestamptz,
    replay_note  text
);
CREATE UNIQUE INDEX ux_rejected_message_once ON rejected_message (payload_hash, reason_code, location)
    WHERE status = 'rejected';
CREATE INDEX ix_rejected_message_reason ON rejected_message (reason_code, received_at);

-- Who saw or changed what.
CREATE TABLE audit_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    entity_type text        NOT NULL,
    entity_id   text,
    patient_key bigint,
    detail      jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX ix_audit_event_patient ON audit_event (patient_key, occurred_at);
