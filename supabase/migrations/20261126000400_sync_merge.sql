-- The merge of ONE mutation into ONE stored row (used by public.sync_push).
--
-- Model (shared/design/sync.md, "Merge rules"): a mutation carries, per field, the new value `v`,
-- its HLC `hlc` and `base_hlc`, the HLC the device had seen. base_hlc equal to the stored
-- field HLC (both null counts as equal) is a sequential edit: applied. Otherwise the edits were
-- concurrent: the higher HLC (plain text order, COLLATE "C") wins and the loser is kept in
-- sync_conflicts, unless both sides hold the same value (nothing was lost). Long text fields
-- record kind 'text_overlap' with the device's base text so the client can three-way merge.
-- Deletes are the `deleted` field under the same rules; an edit meeting a delete is kept on the
-- (still deleted, restorable) row and recorded as 'edit_vs_delete'. Messages are append-only:
-- insert-if-absent, then only status, usage and deleted follow the higher HLC, never conflicting.
-- Every helper is security invoker: the writer's RLS applies to every statement here.
-- Server-owned columns (id, user_id, field_hlc, server_version, updated_at) in a mutation are
-- ignored, not refused, so a client sending whole rows is not dead-lettered; created_at is
-- taken on insert only.

create function private.sync_is_long_text(tbl text, field text) returns boolean
language sql immutable security invoker set search_path = ''
as $$
  select (tbl, field) in (('stories', 'synopsis'), ('stories', 'notes'), ('prompts', 'details'),
                          ('personas', 'system_prompt'))
$$;

create function private.sync_raise_invalid(message text) returns void
language plpgsql immutable security invoker set search_path = ''
as $$
begin
  raise exception using errcode = 'SPVAL', message = message;
end;
$$;

-- Refuses (SPVAL) a mutation naming an unknown table or field or carrying a malformed change.
create function private.sync_check_mutation(m jsonb) returns void
language plpgsql stable security invoker set search_path = ''
as $$
declare
  tbl text := m ->> 'table';
  columns text[];
  change record;
begin
  if tbl is null or tbl not in ('stories', 'prompt_categories', 'prompts', 'personas', 'chats', 'messages',
                                'sync_conflicts') then
    perform private.sync_raise_invalid(pg_catalog.format('Unknown table %L.', tbl));
  end if;
  if pg_catalog.jsonb_typeof(m -> 'fields') is distinct from 'object' then
    perform private.sync_raise_invalid('A mutation needs a "fields" object.');
  end if;
  select pg_catalog.array_agg(a.attname::text) into columns
  from pg_catalog.pg_attribute a
  where a.attrelid = pg_catalog.to_regclass('public.' || tbl) and a.attnum > 0 and not a.attisdropped;
  for change in select key, value from pg_catalog.jsonb_each(m -> 'fields') loop
    if not (change.key = any (columns)) then
      perform private.sync_raise_invalid(pg_catalog.format('Unknown field %s.%s.', tbl, change.key));
    end if;
    if pg_catalog.jsonb_typeof(change.value) is distinct from 'object' or not (change.value ? 'v')
       or coalesce(change.value ->> 'hlc', '') !~ '^[0-9]{18}-[0-9]{5}-.+$' then
      perform private.sync_raise_invalid(
        pg_catalog.format('Field %s.%s needs {v, hlc, base_hlc} with a valid HLC.', tbl, change.key));
    end if;
  end loop;
end;
$$;

create function private.sync_record_conflict(
  tbl text, row_id uuid, field text, kind text, winner jsonb, loser jsonb, base jsonb,
  winner_hlc text, loser_hlc text
) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  stored jsonb;
begin
  insert into public.sync_conflicts as c
    (entity, row_id, field, kind, winner_value, loser_value, base_value, winner_hlc, loser_hlc)
  values (tbl, row_id, field, kind, winner, loser, base, winner_hlc, loser_hlc)
  returning pg_catalog.to_jsonb(c) into stored;
  return stored;
end;
$$;

-- Inserts a row the server has never seen: every field as sent, field_hlc from the mutation.
-- Only the sent columns are listed so column defaults (user_id = auth.uid() ...) apply.
create function private.sync_insert_row(tbl text, row_id uuid, fields jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  new_row jsonb := pg_catalog.jsonb_build_object('id', row_id);
  hlcs jsonb := '{}';
  change record;
  cols text;
  stored jsonb;
begin
  for change in select key, value from pg_catalog.jsonb_each(fields) loop
    continue when change.key in ('id', 'user_id', 'field_hlc', 'server_version', 'updated_at');
    new_row := new_row || pg_catalog.jsonb_build_object(change.key, change.value -> 'v');
    if change.key <> 'created_at' then
      hlcs := hlcs || pg_catalog.jsonb_build_object(change.key, change.value ->> 'hlc');
    end if;
  end loop;
  new_row := new_row || pg_catalog.jsonb_build_object('field_hlc', hlcs);
  select pg_catalog.string_agg(pg_catalog.quote_ident(k), ', ') into cols from pg_catalog.jsonb_object_keys(new_row) as k;
  execute pg_catalog.format(
    'insert into public.%1$I as t (%2$s) select %2$s from pg_catalog.jsonb_populate_record(null::public.%1$I, $1) '
    'returning pg_catalog.to_jsonb(t)', tbl, cols)
  into stored using new_row;
  return stored;
end;
$$;

-- Writes the winning field values and their HLCs onto an existing row.
create function private.sync_update_row(tbl text, row_id uuid, patch jsonb, hlcs jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  assignments text;
  stored jsonb;
begin
  select pg_catalog.string_agg(pg_catalog.format('%1$I = r.%1$I', k), ', ') into assignments
  from pg_catalog.jsonb_object_keys(patch) as k;
  execute pg_catalog.format(
    'update public.%1$I as t set %2$s, field_hlc = t.field_hlc || $2 '
    'from pg_catalog.jsonb_populate_record(null::public.%1$I, $1) as r where t.id = $3 '
    'returning pg_catalog.to_jsonb(t)', tbl, assignments)
  into stored using patch, hlcs, row_id;
  return stored;
end;
$$;

-- A delete that had not seen some later edit: the edit stays on the row (restorable from the
-- Trash) and the writer is told. Returns the conflict row, or null when nothing was unseen.
create function private.sync_check_delete_vs_edit(tbl text, cur jsonb, m jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  seen text := coalesce(m ->> 'row_hlc_seen', '');
  unseen jsonb;
  newest text;
begin
  select pg_catalog.jsonb_object_agg(h.key, cur -> h.key), pg_catalog.max(h.value collate "C")
  into unseen, newest
  from pg_catalog.jsonb_each_text(cur -> 'field_hlc') as h
  where h.key <> 'deleted' and h.value collate "C" > seen collate "C";
  if unseen is null then
    return null;
  end if;
  return private.sync_record_conflict(tbl, (cur ->> 'id')::uuid, 'deleted', 'edit_vs_delete', 'true', unseen,
    null, m -> 'fields' -> 'deleted' ->> 'hlc', newest);
end;
$$;

-- Merges a mutation into an existing (locked) entity row. Returns {row, conflicts}.
create function private.sync_merge_row(tbl text, cur jsonb, m jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  row_id uuid := (cur ->> 'id')::uuid;
  stored_hlcs jsonb := cur -> 'field_hlc';
  was_deleted boolean := (cur ->> 'deleted')::boolean;
  sets_deleted boolean := m -> 'fields' ? 'deleted';
  patch jsonb := '{}';
  hlcs jsonb := '{}';
  conflicts jsonb := '[]';
  change record;
  stored_hlc text;
  new_hlc text;
  lost jsonb;
  edits jsonb;
begin
  if sets_deleted and not was_deleted and m -> 'fields' -> 'deleted' -> 'v' = 'true' and tbl <> 'sync_conflicts' then
    lost := private.sync_check_delete_vs_edit(tbl, cur, m);
    if lost is not null then
      conflicts := conflicts || pg_catalog.jsonb_build_array(lost);
    end if;
  end if;
  for change in select key, value from pg_catalog.jsonb_each(m -> 'fields') loop
    continue when change.key in ('id', 'user_id', 'field_hlc', 'server_version', 'updated_at', 'created_at');
    stored_hlc := stored_hlcs ->> change.key;
    new_hlc := change.value ->> 'hlc';
    if (change.value ->> 'base_hlc') is not distinct from stored_hlc
       or stored_hlc is null or new_hlc collate "C" > stored_hlc collate "C" then
      patch := patch || pg_catalog.jsonb_build_object(change.key, change.value -> 'v');
      hlcs := hlcs || pg_catalog.jsonb_build_object(change.key, new_hlc);
      lost := case when (change.value ->> 'base_hlc') is distinct from stored_hlc and stored_hlc is not null
                    and (cur -> change.key) is distinct from (change.value -> 'v')
               then pg_catalog.jsonb_build_array(change.value -> 'v', cur -> change.key, new_hlc, stored_hlc) end;
    elsif (cur -> change.key) is distinct from (change.value -> 'v') then
      lost := pg_catalog.jsonb_build_array(cur -> change.key, change.value -> 'v', stored_hlc, new_hlc);
    else
      lost := null;
    end if;
    -- Conflict rows themselves merge by plain LWW: a conflict about a conflict helps no one.
    if lost is not null and tbl <> 'sync_conflicts' then
      conflicts := conflicts || private.sync_record_conflict(tbl, row_id, change.key,
        case when private.sync_is_long_text(tbl, change.key) then 'text_overlap' else 'lww' end,
        lost -> 0, lost -> 1,
        case when private.sync_is_long_text(tbl, change.key) then change.value -> 'base' end,
        lost ->> 2, lost ->> 3);
    end if;
  end loop;
  -- An edit landing on a row deleted elsewhere: kept, but the writer must learn of it.
  edits := patch - 'deleted';
  if was_deleted and not sets_deleted and edits <> '{}' and tbl <> 'sync_conflicts' then
    conflicts := conflicts || private.sync_record_conflict(tbl, row_id, 'deleted', 'edit_vs_delete',
      'true', edits, null, stored_hlcs ->> 'deleted',
      (select pg_catalog.max(h.value collate "C") from pg_catalog.jsonb_each_text(hlcs) as h));
  end if;
  if patch = '{}' then
    return pg_catalog.jsonb_build_object('row', cur, 'conflicts', conflicts);
  end if;
  return pg_catalog.jsonb_build_object('row', private.sync_update_row(tbl, row_id, patch, hlcs),
    'conflicts', conflicts);
end;
$$;

-- Messages: once stored, only status, usage and deleted change, and the higher HLC simply wins.
create function private.sync_merge_message(cur jsonb, m jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  patch jsonb := '{}';
  hlcs jsonb := '{}';
  change record;
begin
  for change in select key, value from pg_catalog.jsonb_each(m -> 'fields')
                where key in ('status', 'usage', 'deleted') loop
    if (cur -> 'field_hlc' ->> change.key) is null
       or (change.value ->> 'hlc') collate "C" > (cur -> 'field_hlc' ->> change.key) collate "C" then
      patch := patch || pg_catalog.jsonb_build_object(change.key, change.value -> 'v');
      hlcs := hlcs || pg_catalog.jsonb_build_object(change.key, change.value ->> 'hlc');
    end if;
  end loop;
  if patch = '{}' then
    return pg_catalog.jsonb_build_object('row', cur, 'conflicts', '[]'::jsonb);
  end if;
  return pg_catalog.jsonb_build_object('row', private.sync_update_row('messages', (cur ->> 'id')::uuid, patch, hlcs),
    'conflicts', '[]'::jsonb);
end;
$$;

-- One mutation: validate, lock the row if it exists (RLS hides other users' rows, so reusing
-- their id ends in a primary key violation and a rejection), then insert or merge.
create function private.sync_apply_mutation(m jsonb) returns jsonb
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
    return pg_catalog.jsonb_build_object('row', private.sync_insert_row(tbl, row_id, m -> 'fields'),
      'conflicts', '[]'::jsonb);
  elsif tbl = 'messages' then
    return private.sync_merge_message(cur, m);
  end if;
  return private.sync_merge_row(tbl, cur, m);
end;
$$;

revoke all on all functions in schema private from public;
grant execute on all functions in schema private to authenticated, service_role;
