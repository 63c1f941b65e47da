-- Site allocation (issue 11, DESIGN §9). A site's candidate fields (candidate, fixedCostNok,
-- rentNokPerMonth) live in its jsonb attributes like the other kind-specific fields, validated by
-- the core site schema; what needs columns is the scenario's per-candidate choices and the kind of
-- a run, so `/result` and `/recommendation` each read their own runs while the one-running-run
-- index still allows one run at a time per scenario, of either kind.
alter table scenarios add column site_allocation jsonb not null default '[]'::jsonb;
alter table scenario_runs add column kind text not null default 'matching' check (kind in ('matching', 'allocation'));
create index scenario_runs_scenario_kind on scenario_runs (scenario_id, kind, started_at);
