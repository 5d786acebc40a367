-- Issue 13: nothing is ever lost. A message that could not be processed for a reason that is not its content
-- (a bug, a delivery-limit breach, a message found in a _error/.dead queue) is stored as a 'faulted' reject:
-- visible with `rejects list --status faulted`, re-driven by `rejects replay`, counted on the dashboard.
ALTER TABLE rejected_message DROP CONSTRAINT rejected_message_status_check;
ALTER TABLE rejected_message ADD CONSTRAINT rejected_message_status_check
    CHECK (status IN ('rejected', 'faulted', 'replayed', 'rejected-again'));

-- The same reject (or fault) delivered twice is stored once, whichever of the two open statuses it has.
DROP INDEX ux_rejected_message_once;
CREATE UNIQUE INDEX ux_rejected_message_once ON rejected_message (payload_hash, reason_code, location)
    WHERE status IN ('rejected', 'faulted');
CREATE INDEX ix_rejected_message_status ON rejected_message (status) WHERE status = 'faulted';
