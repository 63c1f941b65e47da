-- Special masses and permits on lots (issue 17 items 1 and 3, DESIGN §8).
-- `flags`: a surplus lot's special masses (quick_clay, acid_forming, invasive_species), a JSON array;
-- `accepts_flags`: the special masses a demand lot takes; `permit`: the permit or tiltaksplan
-- ({"kind","reference","validTo"}) that covers class >= 2 mass leaving the project or stored.
-- Sites keep their accepted flags and gate fees in their `attributes` jsonb (no column needed).
alter table lots add column flags jsonb not null default '[]'::jsonb;
alter table lots add column accepts_flags jsonb;
alter table lots add column permit jsonb;
