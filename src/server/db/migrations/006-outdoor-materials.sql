-- Outdoor materials (issue #8): reusable items (kerbs, pipes, benches …) that projects offer or
-- want, and the admins' edits of the material type catalogue.
--
-- The shipped catalogue (data/outdoor-materials/catalogue.json) is not copied here: a type an admin
-- adds or edits is stored as a row and laid over the shipped list when read, so a corrected
-- catalogue in a new release reaches every type nobody has edited. Lots name types by id, which is
-- checked by the application (shipped types have no row to reference).
create table outdoor_material_types (
  id text primary key,
  -- The type's fields as validated by outdoorMaterialTypeFieldsSchema (src/core/outdoor/catalogue.ts).
  fields jsonb not null,
  -- A shipped type is at version 1 before its first edit, so its first stored row is version 2.
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by text
);

create table outdoor_lots (
  id text primary key default gen_random_uuid()::text,
  project_id text not null references projects(id),
  direction text not null check (direction in ('available', 'wanted')),
  type_id text not null,
  quantity double precision not null check (quantity > 0),
  condition text not null check (condition in ('reusable', 'needs_repair')),
  available_from text,
  wanted_by_project_id text references projects(id),
  wanted_by_month text,
  needed_by text,
  storage_site_id text references sites(id),
  notes text not null default '',
  illustrative boolean not null default false,
  version integer not null default 1,
  -- Keeps the order lots were written in, also within one transaction (where now() is the same).
  created_seq bigserial not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by text,
  deleted_at timestamptz,
  check ((direction = 'available' and available_from is not null and needed_by is null)
    or (direction = 'wanted' and needed_by is not null and available_from is null and wanted_by_month is null and storage_site_id is null))
);
create index outdoor_lots_project on outdoor_lots (project_id);
create index outdoor_lots_type on outdoor_lots (type_id);
