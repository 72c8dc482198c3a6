// In-page parts of the chat UI benchmarks (B18, B19): seeding a long chat straight into the
// app's IndexedDB, the probes that time "last message visible" and streaming jank, and the
// plain baselines (a plain-text render of the same messages; a plain-text append of the same
// stream). Functions passed to page.evaluate must be self-contained: no imports, no closures.

/** Seeds one chat of `count` messages (300–500 B, some code fences and tables); returns its id. */
export function seedLongChat({
  count,
  marker,
}: {
  count: number;
  marker: string;
}): Promise<string> {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = [
    'harbour',
    'lantern',
    'Mara',
    'salt',
    'storm',
    'letter',
    'tide',
    'ship',
    'secret',
    'road',
  ];
  const sentence = () =>
    Array.from(
      { length: 8 + Math.floor(random() * 8) },
      () => words[Math.floor(random() * words.length)],
    ).join(' ') + '. ';
  const body = (index: number) => {
    let text =
      index % 10 === 3
        ? '```ts\nconst tide = storm(ship);\n```\n'
        : index % 10 === 7
          ? '| who | wants |\n|---|---|\n| Mara | the light |\n'
          : '';
    while (text.length < 300 + random() * 200) text += sentence();
    return text;
  };
  const chatId = crypto.randomUUID();
  const base = Date.parse('2026-02-01T00:00:00Z');
  const open = indexedDB.open('story-prompts');
  return new Promise((resolve, reject) => {
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['chats', 'messages'], 'readwrite');
      const iso = new Date(base).toISOString();
      tx.objectStore('chats').put({
        id: chatId,
        created_at: iso,
        updated_at: iso,
        deleted: false,
        story_id: null,
        title: 'Long chat',
        model: 'stub-large',
        persona_id: null,
      });
      const messages = tx.objectStore('messages');
      for (let index = 0; index < count; index++) {
        const at = new Date(base + index * 1000).toISOString();
        const content = index === count - 1 ? `${body(index)} ${marker}` : body(index);
        messages.put({
          id: crypto.randomUUID(),
          created_at: at,
          updated_at: at,
          deleted: false,
          chat_id: chatId,
          role: index % 2 ? 'assistant' : 'user',
          content,
          model: 'stub-large',
          persona_id: null,
          status: 'sent',
          usage: null,
        });
      }
      tx.oncomplete = () => {
        db.close();
        resolve(chatId);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Init script: records when an element holding `marker` first shows inside the viewport. */
export function installVisibleProbe(marker: string): void {
  const state = window as unknown as { __lastVisibleAt?: number };
  const check = () => {
    const rows = document.querySelectorAll('.chat-log__row, .plain-message');
    const last = rows[rows.length - 1];
    for (const row of [last, ...Array.from(rows).slice(-4)]) {
      if (!row || !row.textContent?.includes(marker)) continue;
      const rect = row.getBoundingClientRect();
      if (rect.bottom > 0 && rect.top < innerHeight && rect.height > 0) {
        state.__lastVisibleAt = performance.now();
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Init script: long tasks and keystroke → next frame latencies, from `__jankStart` on. */
export function installJankProbe(): void {
  const state = window as unknown as {
    __jank: {
      longTasks: number[];
      keyLatency: number[];
      eventDurations: number[];
      recording: boolean;
    };
  };
  state.__jank = { longTasks: [], keyLatency: [], eventDurations: [], recording: false };
  new PerformanceObserver((list) => {
    if (!state.__jank.recording) return;
    for (const entry of list.getEntries()) state.__jank.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
  new PerformanceObserver((list) => {
    if (!state.__jank.recording) return;
    for (const entry of list.getEntries())
      if (entry.name.startsWith('key')) state.__jank.eventDurations.push(entry.duration);
  }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  addEventListener(
    'keydown',
    (event) => {
      if (!state.__jank.recording) return;
      const start = event.timeStamp;
      // The frame that shows the keystroke has been produced once a task after its rAF runs.
      requestAnimationFrame(() =>
        setTimeout(() => state.__jank.keyLatency.push(performance.now() - start), 0),
      );
    },
    true,
  );
}

export const PLAIN_CHAT_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>plain chat</title>
<style>body{margin:0;font:16px system-ui}#log{height:70vh;overflow-y:auto}.plain-message{white-space:pre-wrap;padding:.75rem 1rem;margin:0;border-bottom:1px solid #ddd}</style>
</head><body><div id="log"></div><textarea id="composer" rows="3" cols="80"></textarea><div id="stream" class="plain-message"></div>
<script type="module" src="/__bench/plain-chat.js"></script></body></html>`;

/** The baselines: ?chat=<id> renders the chat's messages as plain text; ?stream=1 appends a stream. */
export const PLAIN_CHAT_JS = `
const params = new URLSearchParams(location.search);
const chatId = params.get('chat');
if (chatId) {
  const open = indexedDB.open('story-prompts');
  open.onsuccess = () => {
    const range = IDBKeyRange.bound([chatId, ''], [chatId, '\\uffff']);
    const request = open.result.transaction('messages').objectStore('messages').index('[chat_id+created_at]').getAll(range);
    request.onsuccess = () => {
      const log = document.getElementById('log');
      const fragment = document.createDocumentFragment();
      for (const message of request.result) {
        const p = document.createElement('p');
        p.className = 'plain-message';
        p.textContent = message.content;
        fragment.append(p);
      }
      log.append(fragment);
      log.scrollTop = log.scrollHeight;
    };
  };
}
window.__plainStream = async () => {
  const target = document.getElementById('stream');
  const node = document.createTextNode('');
  target.append(node);
  const response = await fetch('/api/chat/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'go' }], model: 'stub-large', stream: true }) });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += value;
    let cut;
    while ((cut = buffer.indexOf('\\n\\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      if (!block.startsWith('event: delta')) continue;
      node.appendData(JSON.parse(block.slice(block.indexOf('data: ') + 6)).content);
    }
  }
};
`;
