// B17 baseline: one story's prompts read with a raw getAll and rendered with a plain `.map`
// (no virtualization, no memo), with the same "Filter by title" box as the board. `?story=<id>`.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { DATABASE_NAME } from '../../../../src/db/database';
import type { Prompt } from '../../../../src/domain/entities';
import { openExistingDatabase, request } from '../shared/raw-idb';

function PlainList({ prompts }: { prompts: Prompt[] }) {
  const [text, setText] = useState('');
  const shown = text
    ? prompts.filter((p) => p.title.toLowerCase().includes(text.toLowerCase()))
    : prompts;
  return (
    <main>
      <label>
        Filter by title{' '}
        <input type="search" value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <ol className="plain-list">
        {shown.map((prompt) => (
          <li key={prompt.id} className="prompt-card">
            <h3>{prompt.title}</h3>
            <p>{prompt.tags.join(', ')}</p>
          </li>
        ))}
      </ol>
    </main>
  );
}

async function start() {
  const storyId = new URLSearchParams(location.search).get('story') ?? '';
  const idb = await openExistingDatabase(DATABASE_NAME);
  const rows = (await request(
    idb.transaction('prompts', 'readonly').objectStore('prompts').index('story_id').getAll(storyId),
  )) as Prompt[];
  idb.close();
  rows.sort((a, b) => (a.position < b.position ? -1 : 1));
  createRoot(document.getElementById('root')!).render(<PlainList prompts={rows} />);
}

void start();
