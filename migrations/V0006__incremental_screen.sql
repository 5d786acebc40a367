-- The nightly screen is incremental: a patient's stored outcome is reused on a later as-of date while time alone
-- cannot change it, so a night re-evaluates only the patients whose data changed (ingest already re-evaluated them)
-- or whose outcome reaches a date that moves it (a streak leaving its recency window, a DXA due date, a birthday).
--   stable_until       the first as-of date on which the outcome may change with no new data (NULL: never); the
--                      stored outcome holds for every as-of date in [evaluated_as_of, stable_until)
--   evidence_key       the finding's evidence key (what a task carries), so tasks reconcile without the finding
--   rules_fingerprint  the exact rule file the row was evaluated with (version + content hash); rows from another
--                      rule file are re-evaluated. Rows written before this migration have none, so the first screen
--                      after it re-evaluates everyone once.
ALTER TABLE patient_condition
    ADD COLUMN stable_until date,
    ADD COLUMN evidence_key text,
    ADD COLUMN rules_fingerprint text;

-- Patients with a retracted (entered-in-error) current result are always re-evaluated: closing their task needs to
-- know whether its evidence was retracted. Few rows, so a small partial index finds them per screen page.
CREATE INDEX ix_lab_result_retracted ON lab_result (patient_key) WHERE is_current AND status = 'entered-in-error';

-- How many patients a run re-evaluated (the rest reused their stored outcome), and whether it was forced to
-- re-evaluate everyone.
ALTER TABLE screening_run
    ADD COLUMN patients_evaluated integer NOT NULL DEFAULT 0,
    ADD COLUMN mode text NOT NULL DEFAULT 'full' CHECK (mode IN ('full', 'incremental'));
