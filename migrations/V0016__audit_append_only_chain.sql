-- Issue 16: audit_event becomes append-only and tamper-evident.
--
-- 1. Hash chain: every row carries chain_seq, the previous row's hash and its own hash
--      row_hash = sha256(prev_hash || audit_event_canonical(row))
--    computed by a BEFORE INSERT trigger that takes the single audit_chain_head row FOR UPDATE, so concurrent
--    writers are serialised (the head is held until the writing transaction ends; a rolled-back insert rolls the
--    head back too). `screening audit verify` recomputes the chain in C# (not with these functions) and reports the
--    first row that does not match. The genesis hash is 32 zero bytes.
-- 2. Append-only: triggers refuse UPDATE, DELETE and TRUNCATE for every role (also the owner); UPDATE, DELETE and
--    TRUNCATE are revoked from PUBLIC, from the migrating role (the owner: it can grant them back, so the trigger is the
--    real guard against the application) and, when it exists, the application role `screening_app` gets SELECT and
--    INSERT only. See docs/security.md "Audit" for the owner/app role split an operator should use.

CREATE FUNCTION audit_event_field(value text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce(octet_length(value)::text || ':' || value, '~') || ';' $$;

-- The bytes one row contributes to the chain (length-prefixed fields; NULL is '~').
CREATE FUNCTION audit_event_canonical(seq bigint, id bigint, occurred_at timestamptz, actor text, action text, entity_type text,
                                      entity_id text, patient_key bigint, detail jsonb) RETURNS bytea
    LANGUAGE sql IMMUTABLE AS $$
    SELECT convert_to('v1;' || audit_event_field(seq::text) || audit_event_field(id::text)
        || audit_event_field(((extract(epoch FROM occurred_at) * 1000000)::bigint)::text)
        || audit_event_field(actor) || audit_event_field(action) || audit_event_field(entity_type) || audit_event_field(entity_id)
        || audit_event_field(patient_key::text) || audit_event_field(detail::text), 'UTF8')
    $$;

ALTER TABLE audit_event
    ADD COLUMN chain_seq bigint,
    ADD COLUMN prev_hash bytea,
    ADD COLUMN row_hash  bytea;

CREATE TABLE audit_chain_head (
    id        boolean PRIMARY KEY DEFAULT true CHECK (id),
    last_seq  bigint  NOT NULL,
    last_hash bytea   NOT NULL
);

-- Chain the rows written before this migration, in id order.
DO $$
DECLARE
    r    record;
    prev bytea  := decode(repeat('00', 32), 'hex');
    seq  bigint := 0;
    h    bytea;
BEGIN
    FOR r IN SELECT * FROM audit_event ORDER BY id LOOP
        seq := seq + 1;
        h := sha256(prev || audit_event_canonical(seq, r.id, r.occurred_at, r.actor, r.action, r.entity_type, r.entity_id, r.patient_key, r.detail));
        UPDATE audit_event SET chain_seq = seq, prev_hash = prev, row_hash = h WHERE id = r.id;
        prev := h;
    END LOOP;
    INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (true, seq, prev);
END $$;

ALTER TABLE audit_event
    ALTER COLUMN chain_seq SET NOT NULL,
    ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN row_hash SET NOT NULL;
CREATE UNIQUE INDEX ux_audit_event_chain_seq ON audit_event (chain_seq);

CREATE FUNCTION audit_event_chain() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    head audit_chain_head;
BEGIN
    SELECT * INTO STRICT head FROM audit_chain_head WHERE id FOR UPDATE;
    NEW.chain_seq := head.last_seq + 1;
    NEW.prev_hash := head.last_hash;
    NEW.row_hash := sha256(head.last_hash || audit_event_canonical(NEW.chain_seq, NEW.id, NEW.occurred_at, NEW.actor, NEW.action,
        NEW.entity_type, NEW.entity_id, NEW.patient_key, NEW.detail));
    UPDATE audit_chain_head SET last_seq = NEW.chain_seq, last_hash = NEW.row_hash WHERE id;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;
DO $$
BEGIN
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM %I', current_user);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'screening_app') THEN
        REVOKE ALL ON audit_event FROM screening_app;
        GRANT SELECT, INSERT ON audit_event TO screening_app;
        GRANT SELECT, UPDATE ON audit_chain_head TO screening_app;
    END IF;
END $$;
