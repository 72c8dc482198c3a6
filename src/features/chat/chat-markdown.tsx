// Replies as safe markdown: react-markdown never renders raw HTML (no rehype-raw), and
// rehype-sanitize keeps GitHub's safe subset, dropping `javascript:` URLs and event handlers.
// While a reply streams, finished paragraphs are markdown (parsed again only when a new one
// completes) and the unfinished tail is plain text: one text node per frame, not a re-parse.
import { memo } from 'react';
import type { ComponentProps } from 'react';
import ReactMarkdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

const REMARK_PLUGINS = [remarkGfm];
const REHYPE_PLUGINS = [rehypeSanitize];

function SafeLink({ node: _node, href, ...props }: ComponentProps<'a'> & { node?: unknown }) {
  // An unsafe URL arrives emptied: show its text as plain text, not a link to nowhere.
  if (!href) return <span className="chat-markdown__dead-link">{props.children}</span>;
  return <a {...props} href={href} target="_blank" rel="noopener noreferrer nofollow" />;
}

const COMPONENTS = { a: SafeLink };

export const ChatMarkdown = memo(function ChatMarkdown({ markdown }: { markdown: string }) {
  return (
    <div className="chat-markdown">
      <ReactMarkdown
        remarkPlugins={REMARK_PLUGINS}
        rehypePlugins={REHYPE_PLUGINS}
        components={COMPONENTS}
      >
        {markdown}
      </ReactMarkdown>
    </div>
  );
});

/** Splits streaming text at its last paragraph break outside a code fence. */
export function splitSettled(text: string): { settled: string; tail: string } {
  let fenceOpen = false;
  let cut = 0;
  let lineStart = 0;
  for (let index = 0; index <= text.length; index++) {
    if (index < text.length && text[index] !== '\n') continue;
    const line = text.slice(lineStart, index);
    if (/^\s*(```|~~~)/.test(line)) fenceOpen = !fenceOpen;
    else if (!fenceOpen && line.trim() === '' && index < text.length) cut = index + 1;
    lineStart = index + 1;
  }
  return { settled: text.slice(0, cut), tail: text.slice(cut) };
}

export function StreamingMarkdown({ text }: { text: string }) {
  const { settled, tail } = splitSettled(text);
  return (
    <>
      {settled ? <ChatMarkdown markdown={settled} /> : null}
      <p className="chat-streaming-tail">{tail}</p>
    </>
  );
}
