-- Registry at scale (issue 12 item 6).
-- `registry_changes` counts statements that change what GET /api/projects answers: projects, lots,
-- members, users (owner and member names) and settings (the material table behind `tonnes`). The
-- server keeps built answers keyed by this counter (src/server/registry-cache.ts). A sequence, so
-- bumping it takes no lock and is never rolled back: a rolled-back write only costs a rebuild.
create sequence registry_changes;
create function registry_changed() returns trigger language plpgsql as $$ begin perform nextval('registry_changes'); return null; end $$;
create trigger projects_registry_changed after insert or update or delete or truncate on projects for each statement execute function registry_changed();
create trigger lots_registry_changed after insert or update or delete or truncate on lots for each statement execute function registry_changed();
create trigger project_members_registry_changed after insert or update or delete or truncate on project_members for each statement execute function registry_changed();
create trigger users_registry_changed after insert or delete or truncate or update of username on users for each statement execute function registry_changed();
create trigger settings_registry_changed after insert or update or delete or truncate on settings for each statement execute function registry_changed();
-- The list's order (name, id) of live projects, so a page is read from an index rather than sorted.
create index projects_live_name on projects (name, id) where deleted_at is null;
-- Members by project and owner names are joined per page.
create index project_members_user on project_members (user_id);
