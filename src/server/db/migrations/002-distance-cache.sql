-- Distance matrices computed for GET /api/distances, kept across restarts (issue 5). The key holds
-- the mode, the network version, a hash of the parameters and a hash of the point set (ids and
-- exact positions), so a new network or a moved point simply misses; old rows are pruned by age.

create table distance_cache (
  key text primary key,
  mode text not null check (mode in ('straight', 'road', 'osrm')),
  network_version text not null,
  from_count integer not null,
  to_count integer not null,
  matrix jsonb not null,
  created_at timestamptz not null default now(),
  used_at timestamptz not null default now()
);
create index distance_cache_used_at on distance_cache (used_at);
