// The seeded rows every workbench case uses, generated once per page load and kept in memory
// (so generation never lands inside a timed region). `release()` drops them before B21 measures
// the heap.
import type { Chat, Message, Prompt } from '../../../../src/domain/entities';
import { generateChats, generateMessages, generatePrompts, generateStory } from '../../generators';
import type { StoryData } from '../../generators';

export const PROMPT_SEED = 1;
export const MESSAGE_SEED = 2;
export const CHAT_COUNT = 200;

interface Data {
  story: StoryData;
  prompts: Prompt[];
  chats: Chat[];
  messages: Message[] | null;
}

let data: Data | null = null;

/** The current data set; `promptCount` (re)generates it at that size. */
export function workbenchData(promptCount?: number): Data {
  if (!data || (promptCount !== undefined && data.prompts.length !== promptCount)) {
    const story = generateStory(PROMPT_SEED);
    data = {
      story,
      prompts: generatePrompts(PROMPT_SEED, story.categories, promptCount ?? 10_000),
      chats: generateChats(MESSAGE_SEED, story.story.id, CHAT_COUNT),
      messages: null,
    };
  }
  return data;
}

export function workbenchMessages(messageCount: number): Message[] {
  const current = workbenchData();
  if (!current.messages || current.messages.length < messageCount) {
    current.messages = generateMessages(MESSAGE_SEED, current.chats, messageCount);
  }
  return current.messages.length === messageCount
    ? current.messages
    : current.messages.slice(0, messageCount);
}

export function releaseWorkbenchData(): void {
  data = null;
}
