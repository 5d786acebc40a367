-- Worklist users: sign-in accounts, their care-team membership and API tokens; plus indexes that keep the worklist's
-- keyset paging fast at 100k+ open tasks. Passwords are PasswordHasher<T> hashes; tokens are stored as SHA-256 only.

CREATE TABLE app_user (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name     text        NOT NULL,
    display_name  text        NOT NULL DEFAULT '',
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('care-team', 'admin')),
    disabled      boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_app_user_name UNIQUE (user_name)
);

-- Care teams a user works for (matches outreach_task.care_team / patient.care_team). Admins see every team.
CREATE TABLE app_user_team (
    user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    team    text   NOT NULL,
    PRIMARY KEY (user_id, team)
);

-- Bearer tokens for the JSON API: only the SHA-256 of the token is kept (the token is shown once).
CREATE TABLE api_token (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    CONSTRAINT ux_api_token_hash UNIQUE (token_hash)
);

-- Keyset paging of open tasks, per team and across teams, for the three sort orders of the worklist.
CREATE INDEX ix_outreach_task_open_team_due ON outreach_task (care_team, (coalesce(due_date, 'infinity'::date)), id)
    WHERE status IN ('open', 'in-progress', 'snoozed');
CREATE INDEX ix_outreach_task_open_due ON outreach_task ((coalesce(due_date, 'infinity'::date)), id)
    WHERE status IN ('open', 'in-progress', 'snoozed');
CREATE INDEX ix_outreach_task_open_team_priority ON outreach_task (care_team,
    (CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END), (coalesce(due_date, 'infinity'::date)), id)
    WHERE status IN ('open', 'in-progress', 'snoozed');
CREATE INDEX ix_outreach_task_open_priority ON outreach_task (
    (CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END), (coalesce(due_date, 'infinity'::date)), id)
    WHERE status IN ('open', 'in-progress', 'snoozed');
CREATE INDEX ix_outreach_task_team_opened ON outreach_task (care_team, opened_at DESC, id DESC);
CREATE INDEX ix_outreach_task_opened ON outreach_task (opened_at DESC, id DESC);
