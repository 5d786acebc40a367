-- Issue 13: a screen records its progress page by page (counts incremented in each page's transaction, progress_at);
-- a run whose process died is marked 'abandoned' by the next screen, keeping the counts it reached.
ALTER TABLE screening_run DROP CONSTRAINT screening_run_status_check;
ALTER TABLE screening_run ADD CONSTRAINT screening_run_status_check
    CHECK (status IN ('running', 'succeeded', 'failed', 'abandoned'));
ALTER TABLE screening_run ADD COLUMN progress_at timestamptz;
