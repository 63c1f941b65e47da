-- Road networks imported by planners (WGS84 GeoJSON as read); the active one replaces the shipped
-- Asker network for road distances. None active = the shipped network.
create table road_networks (
  id text primary key default gen_random_uuid()::text,
  name text not null,
  features jsonb not null,
  summary jsonb not null,
  warnings jsonb not null default '[]'::jsonb,
  active boolean not null default false,
  uploaded_by text not null,
  uploaded_at timestamptz not null default now()
);
create unique index road_networks_one_active on road_networks (active) where active;
