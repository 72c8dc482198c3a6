-- Tombstone purge (shared/design/sync.md: "Purge happens only after every active client has
-- pulled past it").
--
-- Model: every client acknowledges the version it has applied (public.sync_ack_pull, after each
-- completed pull). The purge horizon of a user is the lowest acknowledged version among their
-- clients active in the last 30 days; a tombstone at or below it has reached every one of them.
-- It is removed once it is also 30 days old, so a delete stays restorable (and a late edit from
-- a device that was offline for a while still meets the row) for a month, like a trash can.
-- gc_version is the highest version purged: a client whose cursor is below it, and whose
-- download began before that purge, is told to reset; it downloads everything again, then
-- retires the local rows the server no longer has (src/sync/resync.ts).
--
-- A tombstone also stays while something still needs it: a row that points at it through a
-- foreign key, or an open conflict about it (an edit that met the delete stays restorable,
-- sync_merge.sql). Children go first in the same pass, so a deleted story whose categories,
-- prompts and chats were all deleted goes in one ack.
--
-- Cost: each ack walks only the user's tombstones at or below the horizon, through partial
-- indexes that hold tombstones alone (they are few: purging keeps them few).

create index stories_tombstones_idx on public.stories (user_id, server_version) where deleted;
create index prompt_categories_tombstones_idx on public.prompt_categories (user_id, server_version) where deleted;
create index prompts_tombstones_idx on public.prompts (user_id, server_version) where deleted;
create index personas_tombstones_idx on public.personas (user_id, server_version) where deleted;
create index chats_tombstones_idx on public.chats (user_id, server_version) where deleted;
create index messages_tombstones_idx on public.messages (user_id, server_version) where deleted;
create index sync_conflicts_tombstones_idx on public.sync_conflicts (user_id, server_version) where deleted;

-- Purges one table's purgeable tombstones; returns the highest version removed (null: none).
-- `children` names the 'table.column' pairs that point at this table's rows: a tombstone that
-- one of them still points at stays. Runs only inside sync_purge_tombstones (no grants).
create function private.sync_purge_table(
  uid uuid, tbl text, horizon bigint, old_enough timestamptz, children text[]
) returns bigint
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  still_needed text := '';
  child text;
  purged bigint;
begin
  foreach child in array children loop
    still_needed := still_needed || pg_catalog.format(
      ' and not exists (select 1 from public.%I as c where c.user_id = $1 and c.%I = x.id)',
      pg_catalog.split_part(child, '.', 1), pg_catalog.split_part(child, '.', 2));
  end loop;
  if tbl <> 'sync_conflicts' then
    still_needed := still_needed
      || pg_catalog.format(' and not private.sync_has_open_conflict($1, %L, x.id)', tbl);
  end if;
  -- SKIP LOCKED: see sync_purge_tombstones.
  execute pg_catalog.format(
    'with gone as (
       delete from public.%1$I as t where t.id in (
         select x.id from public.%1$I as x
         where x.user_id = $1 and x.deleted and x.server_version <= $2 and x.updated_at < $3 %2$s
         for update skip locked)
       returning t.server_version)
     select pg_catalog.max(gone.server_version) from gone', tbl, still_needed)
  into purged using uid, horizon, old_enough;
  return purged;
end;
$$;

create function private.sync_purge_tombstones() returns bigint
language plpgsql volatile
-- Definer: writers may not set gc_version themselves (sync_user_state grants). Every statement
-- is filtered by the caller's own id from auth.uid(), never by an argument.
security definer
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  -- Tombstones younger than this stay (restorable, and met by late edits).
  old_enough timestamptz := pg_catalog.now() - interval '30 days';
  gc bigint;
  head bigint;
  horizon bigint;
begin
  if uid is null then
    raise exception using errcode = '42501', message = 'Purging needs a signed-in user.';
  end if;
  -- The user's counter lock first, then rows with SKIP LOCKED: a push holds row locks before it
  -- takes this lock (sync_stamp_row), so waiting on its rows here could deadlock. A row a push is
  -- editing right now is simply left for a later pass.
  select s.gc_version, s.version into gc, head
  from public.sync_user_state as s where s.user_id = uid for update;
  if not found then
    return 0;
  end if;
  select pg_catalog.min(c.last_pull_version) into horizon
  from public.sync_clients as c
  where c.user_id = uid and c.updated_at > pg_catalog.now() - interval '30 days';
  horizon := least(coalesce(horizon, 0), head);
  if horizon <= 0 then
    return gc;
  end if;
  -- Children before parents, so a deleted story and everything deleted under it go together.
  gc := greatest(gc,
    private.sync_purge_table(uid, 'sync_conflicts', horizon, old_enough, '{}'),
    private.sync_purge_table(uid, 'messages', horizon, old_enough, '{}'),
    private.sync_purge_table(uid, 'prompts', horizon, old_enough, '{}'),
    private.sync_purge_table(uid, 'personas', horizon, old_enough, '{}'));
  gc := greatest(gc,
    private.sync_purge_table(uid, 'chats', horizon, old_enough, '{messages.chat_id}'),
    private.sync_purge_table(uid, 'prompt_categories', horizon, old_enough, '{prompts.category_id}'));
  gc := greatest(gc, private.sync_purge_table(uid, 'stories', horizon, old_enough,
    '{prompt_categories.story_id, prompts.story_id, chats.story_id}'));
  update public.sync_user_state as s set gc_version = gc where s.user_id = uid and s.gc_version < gc;
  return gc;
end;
$$;

-- An unresolved conflict about the row: the writer may still choose the value that met the delete.
create function private.sync_has_open_conflict(uid uuid, entity text, row_id uuid) returns boolean
language sql stable security invoker set search_path = ''
as $$
  select exists (
    select 1 from public.sync_conflicts as c
    where c.user_id = uid and c.row_id = sync_has_open_conflict.row_id
      and c.entity = sync_has_open_conflict.entity and not c.resolved and not c.deleted)
$$;

-- sync_pull as in sync_pull.sql, plus gc_seen: the purge horizon the client's download has
-- already seen (each page reports gc_version). Without it, every download of more than one page
-- made after a purge would be told to reset at its second page, forever.
drop function public.sync_pull(uuid, bigint, integer);

create function public.sync_pull(client_id uuid, cursor bigint, "limit" integer, gc_seen bigint default null)
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  -- Positional: "cursor" and "limit" are keywords inside PL/pgSQL.
  since bigint := $2;
  page_size integer := $3;
  uid uuid := (select auth.uid());
  ack bigint;
  gc bigint;
  page jsonb;
  fetched integer;
  last_version bigint;
begin
  if uid is null then
    raise exception using errcode = '42501', message = 'sync_pull needs a signed-in user.';
  end if;
  if since is null or since < 0 or page_size is null or page_size < 1 or page_size > 1000 then
    raise exception using errcode = 'SPVAL', message = 'cursor must be >= 0 and limit between 1 and 1000.';
  end if;
  select c.last_mutation_id into ack from public.sync_clients as c where c.client_id = $1;
  select s.gc_version into gc from public.sync_user_state as s where s.user_id = uid;
  -- Cursor 0 is a full download, always valid. A cursor inside the purged range is valid only
  -- if this client's download saw that purge already (gc_seen, from its previous page): then
  -- the rows it is missing were gone before it asked, and it never knew them.
  if since > 0 and since < coalesce(gc, 0) and coalesce($4, -1) < gc then
    return pg_catalog.jsonb_build_object('changes', '[]'::jsonb, 'cursor', since, 'has_more', false,
      'ack_mid', coalesce(ack, 0), 'gc_version', gc, 'reset_required', true);
  end if;
  with candidates as (
    (select 'stories' as tbl, t.server_version as v, pg_catalog.to_jsonb(t) as r from public.stories as t
      where t.user_id = uid and t.server_version > since order by t.server_version limit page_size + 1)
    union all
    (select 'prompt_categories', t.server_version, pg_catalog.to_jsonb(t) from public.prompt_categories as t
      where t.user_id = uid and t.server_version > since order by t.server_version limit page_size + 1)
    union all
    (select 'prompts', t.server_version, pg_catalog.to_jsonb(t) from public.prompts as t
      where t.user_id = uid and t.server_version > since order by t.server_version limit page_size + 1)
    union all
    (select 'personas', t.server_version, pg_catalog.to_jsonb(t) from public.personas as t
      where t.user_id = uid and t.server_version > since order by t.server_version limit page_size + 1)
    union all
    (select 'chats', t.server_version, pg_catalog.to_jsonb(t) from public.chats as t
      where t.user_id = uid and t.server_version > since order by t.server_version limit page_size + 1)
    union all
    (select 'messages', t.server_version, pg_catalog.to_jsonb(t) from public.messages as t
      where t.user_id = uid and t.server_version > since order by t.server_version limit page_size + 1)
    union all
    (select 'sync_conflicts', t.server_version, pg_catalog.to_jsonb(t) from public.sync_conflicts as t
      where t.user_id = uid and t.server_version > since order by t.server_version limit page_size + 1)
  ), ranked as (
    select c.tbl, c.v, c.r, pg_catalog.row_number() over (order by c.v) as n
    from candidates as c order by c.v limit page_size + 1
  )
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('table', k.tbl, 'row', k.r) order by k.v)
                    filter (where k.n <= page_size), '[]'),
         pg_catalog.count(*), pg_catalog.max(k.v) filter (where k.n <= page_size)
  into page, fetched, last_version
  from ranked as k;
  return pg_catalog.jsonb_build_object(
    'changes', page,
    'cursor', coalesce(last_version, since),
    'has_more', fetched > page_size,
    'ack_mid', coalesce(ack, 0),
    'gc_version', coalesce(gc, 0),
    'reset_required', false);
end;
$$;

revoke all on function public.sync_pull(uuid, bigint, integer, bigint) from public, anon;
grant execute on function public.sync_pull(uuid, bigint, integer, bigint) to authenticated, service_role;

-- As before (sync_pull.sql), plus: the acknowledged version is capped at the user's head (a
-- client cannot claim versions that do not exist yet), and the purge runs after it.
create or replace function public.sync_ack_pull(client_id uuid, version bigint) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  head bigint;
  recorded bigint;
  gc bigint;
begin
  if uid is null then
    raise exception using errcode = '42501', message = 'sync_ack_pull needs a signed-in user.';
  end if;
  perform private.sync_claim_client(sync_ack_pull.client_id, 1);
  select coalesce(pg_catalog.max(s.version), 0) into head from public.sync_user_state as s where s.user_id = uid;
  update public.sync_clients as c
  set last_pull_version = greatest(c.last_pull_version, least(coalesce(sync_ack_pull.version, 0), head)),
      updated_at = pg_catalog.now()
  where c.client_id = sync_ack_pull.client_id
  returning c.last_pull_version into recorded;
  gc := private.sync_purge_tombstones();
  return pg_catalog.jsonb_build_object('last_pull_version', recorded, 'gc_version', gc);
end;
$$;

revoke all on function private.sync_purge_table(uuid, text, bigint, timestamptz, text[])
  from public, anon, authenticated;
revoke all on function private.sync_purge_tombstones() from public;
revoke all on function private.sync_has_open_conflict(uuid, text, uuid) from public;
grant execute on function private.sync_purge_tombstones() to authenticated, service_role;
grant execute on function private.sync_has_open_conflict(uuid, text, uuid) to authenticated, service_role;

-- As in sync_merge.sql, plus: an edit (a field with a base_hlc: the device had the row from the
-- server) of a row that is no longer here was purged after a delete elsewhere. Refused with
-- a message the writer can act on, instead of an insert failing on a missing column; the
-- client lists it with its values under "Refused changes".
create or replace function private.sync_apply_mutation(m jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  tbl text := m ->> 'table';
  row_id uuid;
  cur jsonb;
begin
  perform private.sync_check_mutation(m);
  row_id := (m ->> 'id')::uuid;
  execute pg_catalog.format('select pg_catalog.to_jsonb(t) from public.%I as t where t.id = $1 for update', tbl)
  into cur using row_id;
  if cur is null then
    if exists (select 1 from pg_catalog.jsonb_each(m -> 'fields') as f
               where pg_catalog.jsonb_typeof(f.value -> 'base_hlc') = 'string') then
      raise exception using errcode = 'SPGON',
        message = 'It was deleted on another device and removed from the server 30 days later, '
                  'so this change could not be applied. Copy the values if you want to keep them.';
    end if;
    return pg_catalog.jsonb_build_object('row', private.sync_insert_row(tbl, row_id, m -> 'fields'),
      'conflicts', '[]'::jsonb);
  elsif tbl = 'messages' then
    return private.sync_merge_message(cur, m);
  end if;
  return private.sync_merge_row(tbl, cur, m);
end;
$$;
