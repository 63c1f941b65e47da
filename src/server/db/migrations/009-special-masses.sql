-- Special masses, hazard zones and permits (issue 17, DESIGN §8).
-- Hazard and protection zones beside the zoning areas: the hensynssoner of plan data (RpFareSone,
-- KpSikringSone …) and NVE's hazard maps (quick clay, landslide, flood). Geometry as for zoning:
-- WGS84 GeoJSON with a GiST-indexed box. `plan_id` is the plan's id, or the NVE data set's
-- ("nve:quick_clay" …), so importing the same plan or map again replaces its zones.
create table hazard_zones (
  id text primary key default gen_random_uuid()::text,
  source text not null check (source in ('plan', 'nve')),
  family text not null,
  object_type text not null,
  code integer,
  name text not null default '',
  hazard text not null,
  details jsonb not null default '{}'::jsonb,
  plan_id text not null,
  plan_name text not null default '',
  status text not null,
  geometry jsonb not null,
  bbox box not null,
  imported_at timestamptz not null default now()
);
create index hazard_zones_bbox on hazard_zones using gist (bbox);
create index hazard_zones_plan on hazard_zones (plan_id);
