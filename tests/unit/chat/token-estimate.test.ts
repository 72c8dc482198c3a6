import { describe, expect, it } from 'vitest';
import {
  estimateChatTokens,
  estimateTextTokens,
  formatTokenEstimate,
} from '../../../src/platform/chat-providers/token-estimate';

describe('token estimate', () => {
  it('counts about four characters per token, rounding up', () => {
    expect(estimateTextTokens('')).toBe(0);
    expect(estimateTextTokens('abcd')).toBe(1);
    expect(estimateTextTokens('abcde')).toBe(2);
  });

  it('adds per-message and per-request overhead', () => {
    expect(estimateChatTokens([])).toBe(0);
    expect(estimateChatTokens([{ content: 'abcd' }, { content: 'x'.repeat(400) }])).toBe(
      3 + (1 + 4) + (100 + 4),
    );
  });

  it('formats as "~N tokens"', () => {
    expect(formatTokenEstimate(1)).toBe('~1 token');
    expect(formatTokenEstimate(12345)).toBe('~12,345 tokens');
  });
});
