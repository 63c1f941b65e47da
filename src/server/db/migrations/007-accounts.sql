-- Accounts for a real municipality (issue 14): users an admin manages, single sign-on identities,
-- and sessions a user can see and end.

-- A user who signs in only through the identity provider has no local password.
alter table users alter column password_hash drop not null;
alter table users add column display_name text not null default '';
-- Deactivated users keep their history and memberships but cannot sign in.
alter table users add column active boolean not null default true;
-- Set when an admin gives a temporary password; the user must choose a new one at next sign-in.
alter table users add column must_change_password boolean not null default false;
alter table users add column password_changed_at timestamptz;
alter table users add column last_sign_in_at timestamptz;
-- The OpenID Connect identity (issuer and subject) an SSO account is bound to; never the username.
alter table users add column oidc_issuer text;
alter table users add column oidc_subject text;
alter table users add column version integer not null default 1;
alter table users add column updated_at timestamptz not null default now();
alter table users add column updated_by text;
create unique index users_oidc_identity on users (oidc_issuer, oidc_subject) where oidc_subject is not null;
-- New names only: accounts made before this rule are left as they are.
alter table users add constraint users_username_format check (username ~ '^[a-z0-9._-]{2,64}$') not valid;

-- A public id per session (the token hash stays private), when it was last used (idle timeout),
-- how it was opened and from where, so a user can tell their sessions apart and end one.
alter table sessions add column id text not null default gen_random_uuid()::text;
create unique index sessions_id on sessions (id);
alter table sessions add column last_seen_at timestamptz not null default now();
alter table sessions add column method text not null default 'password' check (method in ('password', 'oidc'));
alter table sessions add column user_agent text not null default '';
alter table sessions add column address text not null default '';
create index sessions_user on sessions (user_id);
