// A rough token count shown before sending ("~N tokens"): about four characters per token for
// English prose, plus a few tokens of framing per message and per request, as OpenAI's
// chat format adds. Good enough to warn about long contexts; never used for billing.
import type { ChatTurn } from './chat-provider';

export const CHARS_PER_TOKEN = 4;
export const TOKENS_PER_MESSAGE = 4;
export const TOKENS_PER_REQUEST = 3;

export function estimateTextTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

export function estimateChatTokens(turns: readonly Pick<ChatTurn, 'content'>[]): number {
  if (turns.length === 0) return 0;
  return turns.reduce(
    (sum, turn) => sum + estimateTextTokens(turn.content) + TOKENS_PER_MESSAGE,
    TOKENS_PER_REQUEST,
  );
}

export function formatTokenEstimate(tokens: number): string {
  return `~${tokens.toLocaleString('en')} token${tokens === 1 ? '' : 's'}`;
}
