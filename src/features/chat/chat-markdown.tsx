// Replies as safe markdown: react-markdown never renders raw HTML (no rehype-raw), and
// rehype-sanitize keeps GitHub's safe subset, dropping `javascript:` URLs and event handlers.
// While a reply streams, finished blocks are markdown (each parsed once, see markdown-blocks.ts)
// and the unfinished tail is plain text: one text node per frame, not a re-parse.
import { memo } from 'react';
import type { ComponentProps, ReactElement } from 'react';
import ReactMarkdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { BlockCache, splitMarkdownBlocks } from './markdown-blocks';

const REMARK_PLUGINS = [remarkGfm];
const REHYPE_PLUGINS = [rehypeSanitize];

function SafeLink({ node: _node, href, ...props }: ComponentProps<'a'> & { node?: unknown }) {
  // An unsafe URL arrives emptied: show its text as plain text, not a link to nowhere.
  if (!href) return <span className="chat-markdown__dead-link">{props.children}</span>;
  return <a {...props} href={href} target="_blank" rel="noopener noreferrer nofollow" />;
}

const COMPONENTS = { a: SafeLink };

const cache = new BlockCache();

// react-markdown's sync component uses no hooks: calling it as a function yields the parsed
// element tree, which the cache can keep and any later render can reuse.
const parseBlock = (text: string) =>
  ReactMarkdown({
    children: text,
    remarkPlugins: REMARK_PLUGINS,
    rehypePlugins: REHYPE_PLUGINS,
    components: COMPONENTS,
  }) as ReactElement;

const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  return cache.get(text, parseBlock);
});

export const ChatMarkdown = memo(function ChatMarkdown({ markdown }: { markdown: string }) {
  return (
    <div className="chat-markdown">
      {splitMarkdownBlocks(markdown).map((block, index) => (
        <MarkdownBlock key={index} text={block} />
      ))}
    </div>
  );
});

/** While streaming: finished blocks as (cached) markdown, the unfinished last one as plain text. */
export function StreamingMarkdown({ text }: { text: string }) {
  const blocks = splitMarkdownBlocks(text);
  const tail = blocks.pop() ?? '';
  return (
    <>
      <div className="chat-markdown">
        {blocks.map((block, index) => (
          <MarkdownBlock key={index} text={block} />
        ))}
      </div>
      <p className="chat-streaming-tail">{tail}</p>
    </>
  );
}
