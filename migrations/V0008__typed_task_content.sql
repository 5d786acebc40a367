-- A task's content is typed columns, written and read by one mapper (Screening.Data.Outreach.FindingStorage): the
-- stored met state carries the task's priority, due date and summary beside the finding, so opening or updating a
-- task from it needs no JSON path into the finding. Existing met rows get the values their finding already holds.
ALTER TABLE patient_condition
    ADD COLUMN priority text CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    ADD COLUMN due_date date,
    ADD COLUMN summary text;

UPDATE patient_condition
SET priority = finding ->> 'priority', due_date = (finding ->> 'dueDate')::date, summary = finding ->> 'summary'
WHERE finding IS NOT NULL;
