-- Mass registry: who changed a record last, monthly profiles, and project history that includes
-- the project's lots.
alter table projects add column updated_by text;
alter table lots add column updated_by text;
alter table lots add column monthly_profile jsonb;
alter table audit_log add column project_id text;
create index audit_log_project on audit_log (project_id, at);
create index lots_window on lots (window_from, window_to);
alter table sites add column updated_by text;
