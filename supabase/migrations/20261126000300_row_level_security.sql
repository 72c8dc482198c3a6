-- Owner-only access. Every table has RLS enabled AND forced (the table owner is subject to it
-- too; service_role bypasses RLS as on Supabase). Policies use `(select auth.uid())` so the
-- planner evaluates auth.uid() once per statement, not once per row.
-- Supabase grants anon and authenticated everything on new tables by default: revoke it, then
-- grant `authenticated` exactly what the policies allow. anon gets nothing at all.

do $$
declare
  tbl text;
begin
  foreach tbl in array array[
    'stories', 'prompt_categories', 'prompts', 'personas', 'chats', 'messages', 'sync_conflicts',
    'sync_clients', 'sync_user_state'
  ] loop
    execute format('alter table public.%I enable row level security', tbl);
    execute format('alter table public.%I force row level security', tbl);
    execute format('revoke all on table public.%I from public, anon, authenticated', tbl);
    execute format('grant all on table public.%I to service_role', tbl);
    execute format(
      'create policy %I on public.%I for select to authenticated using ((select auth.uid()) = user_id)',
      tbl || '_select_own', tbl);
    execute format(
      'create policy %I on public.%I for insert to authenticated with check ((select auth.uid()) = user_id)',
      tbl || '_insert_own', tbl);
    execute format(
      'create policy %I on public.%I for update to authenticated using ((select auth.uid()) = user_id) '
      'with check ((select auth.uid()) = user_id)',
      tbl || '_update_own', tbl);
    if tbl <> 'sync_user_state' then
      execute format(
        'create policy %I on public.%I for delete to authenticated using ((select auth.uid()) = user_id)',
        tbl || '_delete_own', tbl);
    end if;
  end loop;
end
$$;

-- Entities and the client registry: the owner may do everything the policies allow.
grant select, insert, update, delete on table
  public.stories, public.prompt_categories, public.prompts, public.personas, public.chats,
  public.messages, public.sync_conflicts, public.sync_clients
  to authenticated;

-- The counter row: readable; writable only in the columns the stamping trigger's upsert touches
-- (it runs as the writer). gc_version and epoch stay server-managed. A writer bumping their own
-- counter by hand can only skip versions, which pulls tolerate.
grant select on table public.sync_user_state to authenticated;
grant insert (user_id, version), update (version) on table public.sync_user_state to authenticated;
