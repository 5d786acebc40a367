-- Issue 16: server-side sign-in sessions, per-account lockout and named, scoped, expiring API tokens.

-- One row per cookie sign-in. The cookie carries only the session id (inside the Data Protection envelope);
-- the row holds only its SHA-256, so a database reader cannot replay sessions. A session ends when revoked
-- (logout, password change, disable, "sign out everywhere"), when idle too long or at its absolute expiry.
CREATE TABLE user_session (
    id_hash        text        PRIMARY KEY,
    user_id        bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_reason text
);
CREATE INDEX ix_user_session_user ON user_session (user_id) WHERE revoked_at IS NULL;

-- Failed sign-ins per account name (also for names that do not exist, so an attacker learns nothing from the
-- lockout itself). Reset by a successful sign-in or an admin unlock.
CREATE TABLE sign_in_lockout (
    user_name       text        PRIMARY KEY,
    failures        integer     NOT NULL DEFAULT 0,
    last_failure_at timestamptz NOT NULL DEFAULT now(),
    locked_until    timestamptz
);

-- API tokens get a name, scopes and an expiry (existing tokens keep working for 90 days from this migration).
ALTER TABLE api_token
    ADD COLUMN name       text        NOT NULL DEFAULT 'token',
    ADD COLUMN scopes     text[]      NOT NULL DEFAULT ARRAY['read', 'write'],
    ADD COLUMN expires_at timestamptz NOT NULL DEFAULT now() + interval '90 days';

-- The ASP.NET Core Data Protection key ring (the keys that encrypt session cookies and antiforgery tokens), shared
-- by every web instance instead of a folder per host. Each key's XML is encrypted with the certificate named by
-- Web:KeyCertificatePath when one is configured (docs/security.md: required in production).
CREATE TABLE data_protection_key (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text        NOT NULL,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
