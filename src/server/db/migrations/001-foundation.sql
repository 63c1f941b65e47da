-- Foundation schema: accounts, sessions, projects with lots, sites, zoning, audit trail.
-- Geometry is GeoJSON (jsonb) in WGS84 with a `box` beside it (GiST-indexed) for bbox filters,
-- so PGlite and PostgreSQL (with or without PostGIS) behave the same.

create table users (
  id text primary key default gen_random_uuid()::text,
  username text not null unique,
  password_hash text not null,
  role text not null check (role in ('admin', 'planner', 'engineer', 'viewer')),
  created_at timestamptz not null default now()
);

create table sessions (
  token_hash text primary key,
  user_id text not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_expires_at on sessions (expires_at);

create table projects (
  id text primary key default gen_random_uuid()::text,
  name text not null,
  status text not null,
  location jsonb not null,
  bbox box not null,
  contact text not null default '',
  notes text not null default '',
  owner_id text references users(id),
  illustrative boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index projects_bbox on projects using gist (bbox);

create table project_members (
  project_id text not null references projects(id) on delete cascade,
  user_id text not null references users(id) on delete cascade,
  primary key (project_id, user_id)
);

create table lots (
  id text primary key default gen_random_uuid()::text,
  project_id text not null references projects(id),
  direction text not null check (direction in ('surplus', 'demand')),
  material text not null,
  contamination_class integer not null check (contamination_class between 1 and 5),
  hazardous boolean not null default false,
  quantity_value double precision not null check (quantity_value > 0),
  quantity_unit text not null,
  window_from text not null,
  window_to text not null,
  notes text not null default '',
  illustrative boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index lots_project on lots (project_id);

create table sites (
  id text primary key default gen_random_uuid()::text,
  name text not null,
  kind text not null check (kind in ('storage', 'landfill', 'quarry')),
  status text not null,
  geometry jsonb not null,
  bbox box not null,
  -- The kind-specific attributes of DESIGN §1 (capacity, accepts, fees …), validated by the core schema.
  attributes jsonb not null default '{}'::jsonb,
  illustrative boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index sites_bbox on sites using gist (bbox);

create table zoning_areas (
  id text primary key default gen_random_uuid()::text,
  code integer not null,
  code_list text not null check (code_list in ('kp', 'rp')),
  plan_id text not null,
  plan_name text not null default '',
  status text not null,
  geometry jsonb not null,
  bbox box not null,
  illustrative boolean not null default false,
  imported_at timestamptz not null default now()
);
create index zoning_areas_bbox on zoning_areas using gist (bbox);

create table audit_log (
  id bigserial primary key,
  entity text not null,
  entity_id text not null,
  action text not null check (action in ('create', 'update', 'delete', 'restore')),
  actor text not null,
  at timestamptz not null default now(),
  before jsonb,
  after jsonb
);
create index audit_log_entity on audit_log (entity, entity_id, at);

create table settings (
  key text primary key,
  value jsonb not null
);
