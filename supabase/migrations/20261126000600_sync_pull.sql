-- public.sync_pull: a device downloads everything above its cursor (protocol: src/sync/protocol.ts).
--
-- Model: server_version comes from one per-user counter incremented under that user's row lock
-- (private.sync_stamp_row), so writers commit in version order and a snapshot that contains
-- version n contains every version below it. STABLE: every query here runs in the caller's
-- single snapshot. Rows come back in server_version order, limit + 1 fetched to know has_more,
-- and the whole page is ONE json value so no row cap can truncate it silently.
-- Recording how far a client pulled needs a write, which a STABLE function cannot do: the client
-- calls public.sync_ack_pull(client_id, version) after applying pages (used for tombstone purge).

create function public.sync_pull(client_id uuid, cursor bigint, "limit" integer) returns jsonb
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
  -- Cursor 0 is a full download, always valid; a cursor inside the purged range is not.
  if since > 0 and since < coalesce(gc, 0) then
    return pg_catalog.jsonb_build_object('changes', '[]'::jsonb, 'cursor', since, 'has_more', false,
      'ack_mid', coalesce(ack, 0), 'reset_required', true);
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
    'reset_required', false);
end;
$$;

-- Records that this client has applied everything up to `version` (monotonic). Registers the
-- client if it is new; a client id owned by another user is refused (SPOWN).
create function public.sync_ack_pull(client_id uuid, version bigint) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  recorded bigint;
begin
  if (select auth.uid()) is null then
    raise exception using errcode = '42501', message = 'sync_ack_pull needs a signed-in user.';
  end if;
  perform private.sync_claim_client(sync_ack_pull.client_id, 1);
  update public.sync_clients as c
  set last_pull_version = greatest(c.last_pull_version, coalesce(sync_ack_pull.version, 0)),
      updated_at = pg_catalog.now()
  where c.client_id = sync_ack_pull.client_id
  returning c.last_pull_version into recorded;
  return pg_catalog.jsonb_build_object('last_pull_version', recorded);
end;
$$;

revoke all on function public.sync_pull(uuid, bigint, integer) from public, anon;
revoke all on function public.sync_ack_pull(uuid, bigint) from public, anon;
grant execute on function public.sync_pull(uuid, bigint, integer) to authenticated, service_role;
grant execute on function public.sync_ack_pull(uuid, bigint) to authenticated, service_role;
