-- Sync bookkeeping shared by every synced table (design: shared/design/sync.md, "Server").
--
-- Model: each user has ONE counter row in sync_user_state. Every insert or update of a synced
-- row, whoever makes it (sync_push, the HTTP API with plain SQL, the SQL console), runs
-- private.sync_stamp_row(), which increments that counter with an upsert. The upsert takes the
-- user's row lock until commit, so one user's writing transactions queue behind each other and
-- commit in version order: a reader whose snapshot contains version n contains every version
-- below n. That is what makes `server_version > cursor` a pull cursor that never skips a row
-- (timestamps cannot do this: transactions commit out of order).

create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

create table public.sync_user_state (
  user_id uuid primary key default auth.uid() references auth.users (id) on delete cascade,
  -- Highest server_version stamped for this user.
  version bigint not null default 0,
  -- Tombstones at or below this version may have been purged: a cursor in (0, gc_version)
  -- must restart from zero.
  gc_version bigint not null default 0,
  -- Bumped if the server data is ever restored from a backup: clients then resync from zero.
  epoch integer not null default 0
);

-- One row per installation (IndexedDB database), not per tab.
create table public.sync_clients (
  client_id uuid primary key,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  -- Highest mutation id applied for this client: pushes are idempotent by (client_id, mid).
  last_mutation_id bigint not null default 0 check (last_mutation_id >= 0),
  last_pull_version bigint not null default 0 check (last_pull_version >= 0),
  schema_version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sync_clients_user_id_idx on public.sync_clients (user_id);

-- Security invoker on purpose: the writer's own RLS policies on sync_user_state allow exactly
-- this upsert, so no privileged code runs on the user's behalf.
create function private.sync_stamp_row() returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
declare
  stamped bigint;
begin
  insert into public.sync_user_state as state (user_id, version)
  values (new.user_id, 1)
  on conflict (user_id) do update set version = state.version + 1
  returning state.version into stamped;
  new.server_version := stamped;
  new.updated_at := pg_catalog.now();
  return new;
end;
$$;

-- Used by CHECK constraints (tags): the longest element of a text array.
create function private.max_element_length(items text[]) returns integer
language sql
immutable
security invoker
set search_path = ''
as $$
  select coalesce(pg_catalog.max(pg_catalog.char_length(item)), 0) from pg_catalog.unnest(items) as item
$$;

revoke all on function private.sync_stamp_row() from public;
revoke all on function private.max_element_length(text[]) from public;
grant execute on function private.sync_stamp_row() to authenticated, service_role;
grant execute on function private.max_element_length(text[]) to authenticated, service_role;
