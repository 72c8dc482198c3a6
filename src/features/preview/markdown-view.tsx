// Renders a writer's markdown safely: react-markdown never renders raw HTML (no rehype-raw),
// rehype-sanitize keeps only GitHub's safe subset of elements and attributes, and both drop
// `javascript:` and other unsafe URLs. Links open in a new tab without access to this one.
import { memo } from 'react';
import type { ComponentProps } from 'react';
import ReactMarkdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

const REMARK_PLUGINS = [remarkGfm];
const REHYPE_PLUGINS = [rehypeSanitize];

function SafeLink({ node: _node, href, ...props }: ComponentProps<'a'> & { node?: unknown }) {
  // An unsafe URL arrives here emptied: show the link text as plain text rather than a link to nowhere.
  if (!href) return <span className="markdown-view__dead-link">{props.children}</span>;
  return <a {...props} href={href} target="_blank" rel="noopener noreferrer nofollow" />;
}

const COMPONENTS = { a: SafeLink };

// Memoized: a parent that re-renders for another reason (a keystroke in a field beside it)
// does not parse a long text again.
export const MarkdownView = memo(function MarkdownView({
  markdown,
  label,
}: {
  markdown: string;
  label: string;
}) {
  return (
    <article className="markdown-view" aria-label={label}>
      <ReactMarkdown
        remarkPlugins={REMARK_PLUGINS}
        rehypePlugins={REHYPE_PLUGINS}
        components={COMPONENTS}
      >
        {markdown}
      </ReactMarkdown>
    </article>
  );
});
