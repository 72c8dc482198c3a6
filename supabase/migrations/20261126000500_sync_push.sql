-- public.sync_push: a device uploads a batch of mutations (protocol: src/sync/protocol.ts).
--
-- Model: exactly-once by (client_id, mid). The client row is locked for the whole call, so two
-- pushes of one client run one after the other. Mids at or below last_mutation_id are
-- duplicates (a lost reply retried): skipped but still acknowledged. New mids must continue at
-- last + 1 without holes, else the whole batch is refused (SPGAP) and nothing is applied. Each
-- new mutation merges in its own subtransaction: an invalid one (bad value, unknown field,
-- missing parent) is rolled back alone, reported in `rejected`, and still acknowledged so the
-- queue never blocks. Whole-batch refusals use typed SQLSTATEs: SPVER, SPBIG, SPVAL, SPGAP,
-- SPCLK, SPOWN. Security invoker: the caller's RLS applies throughout.

-- Registers the client on first use and locks its row; a client id owned by another user is
-- invisible under RLS, so it is found neither by the insert (conflict) nor the select: SPOWN.
create function private.sync_claim_client(claimed uuid, version integer) returns bigint
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  last_mid bigint;
begin
  if claimed is null then
    raise exception using errcode = 'SPVAL', message = 'client_id is required.';
  end if;
  insert into public.sync_clients (client_id, schema_version) values (claimed, version)
  on conflict (client_id) do nothing;
  select c.last_mutation_id into last_mid from public.sync_clients as c where c.client_id = claimed for update;
  if not found then
    raise exception using errcode = 'SPOWN',
      message = 'This client id belongs to another account. Sign in again or reset the local database.';
  end if;
  return last_mid;
end;
$$;

-- Refuses the whole batch when any new field HLC is more than a day ahead of the server: the
-- client re-stamps with a server-measured clock offset (the hint carries the server time).
create function private.sync_check_clocks(mutations jsonb, last_mid bigint) returns void
language plpgsql stable security invoker set search_path = ''
as $$
declare
  server_ms bigint := (extract(epoch from pg_catalog.now()) * 1000)::bigint;
  ahead text;
begin
  select f.value ->> 'hlc' into ahead
  from pg_catalog.jsonb_array_elements(mutations) as m,
       pg_catalog.jsonb_each(case when pg_catalog.jsonb_typeof(m.value -> 'fields') = 'object'
                                  then m.value -> 'fields' else '{}'::jsonb end) as f
  where (m.value ->> 'mid')::bigint > last_mid
    and coalesce(f.value ->> 'hlc', '') ~ '^[0-9]{18}-'
    and pg_catalog.split_part(f.value ->> 'hlc', '-', 1)::bigint > server_ms + 86400000
  limit 1;
  if ahead is not null then
    raise exception using errcode = 'SPCLK',
      message = pg_catalog.format('Clock more than a day ahead of the server: %s. Re-stamp and retry.', ahead),
      hint = pg_catalog.format('server_time_ms=%s', server_ms);
  end if;
end;
$$;

-- Batch-level shape checks: a JSON array, within the limits, every mid a positive integer.
create function private.sync_check_batch(schema_version integer, mutations jsonb) returns void
language plpgsql immutable security invoker set search_path = ''
as $$
begin
  if schema_version is distinct from 1 then
    raise exception using errcode = 'SPVER',
      message = pg_catalog.format('Schema version %s is not supported; this server speaks 1.', schema_version);
  end if;
  if pg_catalog.jsonb_typeof(mutations) is distinct from 'array' then
    raise exception using errcode = 'SPVAL', message = 'mutations must be a JSON array.';
  end if;
  if pg_catalog.jsonb_array_length(mutations) > 500 then
    raise exception using errcode = 'SPBIG',
      message = pg_catalog.format('Too many mutations in one push: %s (at most 500). Split the batch.',
                                  pg_catalog.jsonb_array_length(mutations));
  end if;
  if pg_catalog.octet_length(mutations::text) > 4194304 then
    raise exception using errcode = 'SPBIG',
      message = pg_catalog.format('Push payload is %s bytes (at most 4 MB). Split the batch.',
                                  pg_catalog.octet_length(mutations::text));
  end if;
  if exists (select 1 from pg_catalog.jsonb_array_elements(mutations) as m
             where pg_catalog.jsonb_typeof(m.value -> 'mid') is distinct from 'number'
                or (m.value ->> 'mid') !~ '^[1-9][0-9]{0,17}$') then
    raise exception using errcode = 'SPVAL', message = 'Every mutation needs a positive integer mid.';
  end if;
end;
$$;

-- The new mutations in mid order; SPGAP unless they are exactly last_mid + 1, + 2, ...
create function private.sync_new_mutations(mutations jsonb, last_mid bigint) returns jsonb
language plpgsql immutable security invoker set search_path = ''
as $$
declare
  fresh jsonb;
  expected bigint := last_mid + 1;
  m jsonb;
begin
  select coalesce(pg_catalog.jsonb_agg(e.value order by (e.value ->> 'mid')::bigint), '[]') into fresh
  from pg_catalog.jsonb_array_elements(mutations) as e
  where (e.value ->> 'mid')::bigint > last_mid;
  for m in select value from pg_catalog.jsonb_array_elements(fresh) loop
    if (m ->> 'mid')::bigint <> expected then
      raise exception using errcode = 'SPGAP',
        message = pg_catalog.format('Mutation %s arrived but %s was expected; nothing was applied.',
                                    m ->> 'mid', expected),
        hint = pg_catalog.format('last_mutation_id=%s', last_mid);
    end if;
    expected := expected + 1;
  end loop;
  return fresh;
end;
$$;

create function public.sync_push(client_id uuid, schema_version integer, mutations jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  last_mid bigint;
  fresh jsonb;
  m jsonb;
  outcome jsonb;
  touched jsonb := '{}';
  conflicts jsonb := '[]';
  rejected jsonb := '[]';
  ack bigint;
begin
  if (select auth.uid()) is null then
    raise exception using errcode = '42501', message = 'sync_push needs a signed-in user.';
  end if;
  perform private.sync_check_batch(sync_push.schema_version, sync_push.mutations);
  last_mid := private.sync_claim_client(sync_push.client_id, sync_push.schema_version);
  fresh := private.sync_new_mutations(sync_push.mutations, last_mid);
  perform private.sync_check_clocks(fresh, last_mid);
  for m in select value from pg_catalog.jsonb_array_elements(fresh) loop
    begin
      outcome := private.sync_apply_mutation(m);
      touched := touched || pg_catalog.jsonb_build_object((m ->> 'table') || '/' || (m ->> 'id'),
        pg_catalog.jsonb_build_object('table', m ->> 'table', 'row', outcome -> 'row'));
      conflicts := conflicts || (outcome -> 'conflicts');
    exception when others then
      -- Transient failures (serialization, deadlock, resources, cancel) must fail the call so
      -- the client retries; only a mutation that can never apply is rejected.
      if sqlstate ~ '^(40|53|54|55|57|58|XX)' then
        raise;
      end if;
      rejected := rejected || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
        'mid', (m ->> 'mid')::bigint, 'table', coalesce(m ->> 'table', ''), 'id', coalesce(m ->> 'id', ''),
        'code', sqlstate, 'message', sqlerrm));
    end;
  end loop;
  ack := last_mid + pg_catalog.jsonb_array_length(fresh);
  update public.sync_clients as c
  set last_mutation_id = ack, schema_version = sync_push.schema_version, updated_at = pg_catalog.now()
  where c.client_id = sync_push.client_id;
  return pg_catalog.jsonb_build_object(
    'ack_mid', ack,
    'rows', coalesce((select pg_catalog.jsonb_agg(t.value) from pg_catalog.jsonb_each(touched) as t), '[]'),
    'conflicts', conflicts,
    'rejected', rejected);
end;
$$;

revoke all on function public.sync_push(uuid, integer, jsonb) from public, anon;
grant execute on function public.sync_push(uuid, integer, jsonb) to authenticated, service_role;
revoke all on all functions in schema private from public;
grant execute on all functions in schema private to authenticated, service_role;
