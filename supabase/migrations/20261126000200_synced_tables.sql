-- The writer's data, one table per entity of src/domain/entities.ts, same column names.
--
-- Every synced table carries the sync columns of shared/design/sync.md:
--   deleted         a tombstone, merged like any other field (rows are never hard-deleted by sync)
--   field_hlc       {field: HLC} for per-field last-writer-wins
--   server_version  stamped by private.sync_stamp_row() under the user's counter lock
--   updated_at      informational only, stamped by the same trigger
-- Length checks mirror src/domain/limits.ts so an over-long value is refused even when it
-- does not come through the app. Foreign keys include user_id so a row can only point at a
-- parent of the same owner (FK checks ignore RLS; a plain id FK would let B link to A's rows).

create table public.stories (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  title text not null check (char_length(title) <= 200),
  logline text not null default '' check (char_length(logline) <= 500),
  synopsis text not null default '' check (char_length(synopsis) <= 100000),
  genre text not null default '' check (char_length(genre) <= 100),
  notes text not null default '' check (char_length(notes) <= 1048576),
  deleted boolean not null default false,
  field_hlc jsonb not null default '{}' check (jsonb_typeof(field_hlc) = 'object'),
  server_version bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, id)
);

-- The seed's table: title, description, color, position (now a fractional index string).
create table public.prompt_categories (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  story_id uuid not null,
  title text not null check (char_length(title) <= 200),
  description text not null default '' check (char_length(description) <= 2000),
  color text not null default '#4a7bd0' check (color ~ '^#[0-9a-fA-F]{6}$'),
  position text not null check (char_length(position) between 1 and 200),
  deleted boolean not null default false,
  field_hlc jsonb not null default '{}' check (jsonb_typeof(field_hlc) = 'object'),
  server_version bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, id),
  foreign key (user_id, story_id) references public.stories (user_id, id) on delete cascade
);

-- The seed's table: title, details, action_steps, files, tags, position.
create table public.prompts (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  story_id uuid not null,
  category_id uuid not null,
  title text not null check (char_length(title) <= 200),
  details text not null default '' check (char_length(details) <= 1048576),
  action_steps jsonb not null default '[]'
    check (jsonb_typeof(action_steps) = 'array' and jsonb_array_length(action_steps) <= 200),
  files jsonb not null default '[]'
    check (jsonb_typeof(files) = 'array' and jsonb_array_length(files) <= 50),
  tags text[] not null default '{}'
    check (cardinality(tags) <= 30 and private.max_element_length(tags) <= 40),
  position text not null check (char_length(position) between 1 and 200),
  deleted boolean not null default false,
  field_hlc jsonb not null default '{}' check (jsonb_typeof(field_hlc) = 'object'),
  server_version bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (user_id, story_id) references public.stories (user_id, id) on delete cascade,
  foreign key (user_id, category_id) references public.prompt_categories (user_id, id) on delete cascade
);

create table public.personas (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  name text not null check (char_length(name) <= 80),
  description text not null default '' check (char_length(description) <= 2000),
  system_prompt text not null default '' check (char_length(system_prompt) <= 20000),
  default_model text not null default '' check (char_length(default_model) <= 200),
  temperature double precision not null default 0.7 check (temperature between 0 and 2),
  deleted boolean not null default false,
  field_hlc jsonb not null default '{}' check (jsonb_typeof(field_hlc) = 'object'),
  server_version bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.chats (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  story_id uuid,
  title text not null default '' check (char_length(title) <= 200),
  model text not null default '' check (char_length(model) <= 200),
  -- Not a foreign key: built-in personas have ids that are not rows.
  persona_id text check (char_length(persona_id) <= 100),
  deleted boolean not null default false,
  field_hlc jsonb not null default '{}' check (jsonb_typeof(field_hlc) = 'object'),
  server_version bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, id),
  foreign key (user_id, story_id) references public.stories (user_id, id) on delete cascade
);

-- Append-only: inserted once; only status, usage and deleted change afterwards.
create table public.messages (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  chat_id uuid not null,
  role text not null check (role in ('system', 'user', 'assistant')),
  content text not null default '' check (char_length(content) <= 200000),
  model text not null default '' check (char_length(model) <= 200),
  persona_id text check (char_length(persona_id) <= 100),
  status text not null default 'sent' check (status in ('queued', 'sending', 'sent', 'error')),
  usage jsonb check (usage is null or jsonb_typeof(usage) = 'object'),
  deleted boolean not null default false,
  field_hlc jsonb not null default '{}' check (jsonb_typeof(field_hlc) = 'object'),
  server_version bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (user_id, chat_id) references public.chats (user_id, id) on delete cascade
);

-- Every value that lost a concurrent write, kept for the writer to resolve. Synced like any
-- entity (the client marks it resolved or deleted).
create table public.sync_conflicts (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  entity text not null check (entity in ('stories', 'prompt_categories', 'prompts', 'personas', 'chats', 'messages')),
  row_id uuid not null,
  field text not null check (char_length(field) <= 100),
  kind text not null check (kind in ('lww', 'text_overlap', 'edit_vs_delete')),
  winner_value jsonb,
  loser_value jsonb,
  base_value jsonb,
  winner_hlc text,
  loser_hlc text,
  resolved boolean not null default false,
  deleted boolean not null default false,
  field_hlc jsonb not null default '{}' check (jsonb_typeof(field_hlc) = 'object'),
  server_version bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The pull query walks (user_id, server_version) on every table; the others serve FK checks.
create index stories_user_version_idx on public.stories (user_id, server_version);
create index prompt_categories_user_version_idx on public.prompt_categories (user_id, server_version);
create index prompts_user_version_idx on public.prompts (user_id, server_version);
create index personas_user_version_idx on public.personas (user_id, server_version);
create index chats_user_version_idx on public.chats (user_id, server_version);
create index messages_user_version_idx on public.messages (user_id, server_version);
create index sync_conflicts_user_version_idx on public.sync_conflicts (user_id, server_version);
create index prompt_categories_story_idx on public.prompt_categories (user_id, story_id);
create index prompts_story_idx on public.prompts (user_id, story_id);
create index prompts_category_idx on public.prompts (user_id, category_id);
create index chats_story_idx on public.chats (user_id, story_id);
create index messages_chat_idx on public.messages (user_id, chat_id);
create index sync_conflicts_row_idx on public.sync_conflicts (user_id, row_id);

create trigger stories_sync_stamp before insert or update on public.stories
  for each row execute function private.sync_stamp_row();
create trigger prompt_categories_sync_stamp before insert or update on public.prompt_categories
  for each row execute function private.sync_stamp_row();
create trigger prompts_sync_stamp before insert or update on public.prompts
  for each row execute function private.sync_stamp_row();
create trigger personas_sync_stamp before insert or update on public.personas
  for each row execute function private.sync_stamp_row();
create trigger chats_sync_stamp before insert or update on public.chats
  for each row execute function private.sync_stamp_row();
create trigger messages_sync_stamp before insert or update on public.messages
  for each row execute function private.sync_stamp_row();
create trigger sync_conflicts_sync_stamp before insert or update on public.sync_conflicts
  for each row execute function private.sync_stamp_row();
