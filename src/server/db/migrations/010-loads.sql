-- Delivered loads (issue 16, DESIGN §10): one truck trip as it happened. Exactly one of the lot and
-- site columns is set at each end. `time_text` keeps the time as written (with its offset, so the
-- local month is the one the driver saw); `at` is the same instant for ordering and filtering.
-- `tonnes` is the weight at recording (m³ converted with the material table then in force).
-- A weighbridge ticket is unique per receiving place among live loads. `import_id` ties the rows
-- of one CSV import together, so an import that fails half-way is removed whole.
create table loads (
  id text primary key default gen_random_uuid()::text,
  time_text text not null,
  at timestamptz not null,
  from_lot_id text references lots(id),
  from_site_id text references sites(id),
  to_lot_id text references lots(id),
  to_site_id text references sites(id),
  quantity_value double precision not null check (quantity_value > 0),
  quantity_unit text not null check (quantity_unit in ('tonnes', 'm3')),
  tonnes double precision not null check (tonnes > 0),
  vehicle text not null default '',
  ticket text not null default '',
  recorded_by text not null,
  import_id text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by text,
  deleted_at timestamptz,
  check ((from_lot_id is null) <> (from_site_id is null)),
  check ((to_lot_id is null) <> (to_site_id is null))
);
create unique index loads_ticket_per_receiver on loads ((coalesce(to_site_id, to_lot_id)), ticket) where deleted_at is null and ticket <> '';
create index loads_from_lot on loads (from_lot_id);
create index loads_to_lot on loads (to_lot_id);
create index loads_from_site on loads (from_site_id);
create index loads_to_site on loads (to_site_id);
create index loads_at on loads (at);
