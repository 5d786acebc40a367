-- Coordinators work the unassigned queue: they see unassigned patients and their tasks and assign them to teams.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('care-team', 'admin', 'coordinator'));
