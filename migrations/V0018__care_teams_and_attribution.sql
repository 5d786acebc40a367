-- Care teams as a real table, attribution rules and panels as data, and the reason each patient is on their team.
-- Existing distinct team names (patients, tasks, user memberships) become active teams, so nothing in use is orphaned;
-- from now on patient, task and membership teams must name a row here (foreign keys), and 'unassigned' is the
-- coordinators' queue.

CREATE TABLE care_team (
    id           text        PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
    display_name text        NOT NULL,
    active       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text        NOT NULL DEFAULT 'migration'
);

INSERT INTO care_team (id, display_name) VALUES ('unassigned', 'Unassigned (coordinator queue)');
INSERT INTO care_team (id, display_name)
SELECT DISTINCT t, t FROM (
    SELECT care_team FROM patient UNION SELECT care_team FROM outreach_task UNION SELECT team FROM app_user_team
) s(t)
WHERE t IS NOT NULL AND length(t) BETWEEN 1 AND 200
ON CONFLICT (id) DO NOTHING;

ALTER TABLE patient ADD COLUMN attribution_reason text, ADD COLUMN attributed_at timestamptz;
UPDATE patient SET attribution_reason = 'source:' || care_team WHERE care_team <> 'unassigned';

ALTER TABLE patient ADD CONSTRAINT fk_patient_care_team FOREIGN KEY (care_team) REFERENCES care_team (id);
ALTER TABLE outreach_task ADD CONSTRAINT fk_outreach_task_care_team FOREIGN KEY (care_team) REFERENCES care_team (id);
ALTER TABLE app_user_team ADD CONSTRAINT fk_app_user_team_care_team FOREIGN KEY (team) REFERENCES care_team (id);

-- The coordinators' queue: unassigned patients, oldest first.
CREATE INDEX ix_patient_unassigned ON patient (patient_key) WHERE care_team = 'unassigned';

-- Rules: a PCP id, location/department, managing organization or payer/plan value → a team. One active rule per
-- basis and value (case-insensitive, as matched); a replaced rule is kept inactive for the record.
CREATE TABLE attribution_rule (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    basis       text        NOT NULL CHECK (basis IN ('pcp', 'location', 'organization', 'payer')),
    match_value text        NOT NULL CHECK (length(btrim(match_value)) BETWEEN 1 AND 200),
    team        text        NOT NULL REFERENCES care_team (id),
    note        text        NOT NULL DEFAULT '',
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL
);
CREATE UNIQUE INDEX ux_attribution_rule_active ON attribution_rule (basis, upper(btrim(match_value))) WHERE active;

-- Explicit panels (CSV: identifier → team): one line per identifier (system, value); a later import replaces it.
CREATE TABLE attribution_panel (
    identifier_system text        NOT NULL,
    identifier_value  text        NOT NULL,
    team              text        NOT NULL REFERENCES care_team (id),
    panel             text        NOT NULL,
    imported_at       timestamptz NOT NULL DEFAULT now(),
    imported_by       text        NOT NULL,
    PRIMARY KEY (identifier_system, identifier_value)
);
