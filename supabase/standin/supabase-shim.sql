-- DEVELOPMENT TOOL ONLY. NOT A MIGRATION. NEVER RUN THIS ON A REAL SUPABASE PROJECT.
--
-- Gives a plain PostgreSQL 15 the pieces a hosted Supabase project already has, so the files in
-- supabase/migrations run unchanged on the local stand-in (`npm run backend`) and in the
-- integration tests:
--   * roles anon, authenticated, service_role (no login; service_role bypasses RLS) and the
--     login role `authenticator` that the gateway connects as and that may `set role` to them;
--   * schema `auth` with `auth.users`, `auth.sessions`, `auth.refresh_tokens` and the functions
--     `auth.uid()`, `auth.role()`, `auth.jwt()` reading `request.jwt.claims` like Supabase does;
--   * Supabase's default privileges on schema public (anon and authenticated get everything by
--     default), so the migrations' explicit revokes are exercised here as they are in production.
-- Idempotent: the stand-in runs it on every start.

do $$
begin
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'authenticator') then
    -- A fixed development password: the cluster listens on 127.0.0.1 only.
    create role authenticator login noinherit password 'authenticator';
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create table if not exists auth.users (
  id uuid primary key default gen_random_uuid(),
  aud text not null default 'authenticated',
  role text not null default 'authenticated',
  email text unique,
  encrypted_password text,
  email_confirmed_at timestamptz,
  raw_app_meta_data jsonb not null default '{"provider":"email","providers":["email"]}',
  raw_user_meta_data jsonb not null default '{}',
  last_sign_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Opaque refresh tokens, rotated on use: `revoked` marks a used or signed-out token.
create table if not exists auth.refresh_tokens (
  id bigserial primary key,
  token text not null unique,
  user_id uuid not null references auth.users (id) on delete cascade,
  session_id uuid not null references auth.sessions (id) on delete cascade,
  parent text,
  revoked boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The claims the gateway put in the transaction; '' after first use on a pooled connection,
-- hence nullif (an empty string would fail the jsonb cast). Like Supabase's own definitions
-- these have no SET clause, so the planner can inline them (RLS policies call them a lot);
-- every name inside is schema-qualified instead.
create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb, '{}'::jsonb)
$$;

create or replace function auth.uid() returns uuid
language sql stable
as $$
  select nullif(nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub', '')::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'
$$;

grant execute on function auth.jwt(), auth.uid(), auth.role() to anon, authenticated, service_role;
grant all on all tables in schema auth to service_role;
grant all on all sequences in schema auth to service_role;

-- Supabase's defaults for schema public: every API role gets everything unless a migration
-- revokes it. Reproduced so that forgetting a revoke fails the RLS tests here too.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
