-- Scenarios and their runs. A run keeps the instance it was given (the snapshot), so a result
-- never changes silently when the registry moves on.
create table scenarios (
  id text primary key default gen_random_uuid()::text,
  name text not null,
  note text not null default '',
  -- null: every site that is not closed
  site_ids jsonb,
  parameters jsonb not null default '{}'::jsonb,
  overrides jsonb not null default '[]'::jsonb,
  schema_version integer not null default 1,
  version integer not null default 1,
  created_by text,
  updated_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);

create table scenario_runs (
  id text primary key default gen_random_uuid()::text,
  scenario_id text not null references scenarios(id),
  status text not null check (status in ('running', 'succeeded', 'failed')),
  started_by text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  input jsonb not null,
  notes jsonb not null default '[]'::jsonb,
  result jsonb,
  error text
);
create index scenario_runs_scenario on scenario_runs (scenario_id, started_at);
-- At most one run in progress per scenario: two planners pressing "Run" get the same run.
create unique index scenario_runs_one_running on scenario_runs (scenario_id) where status = 'running';
