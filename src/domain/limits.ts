// Size limits for everything a writer types. Enforced by the zod schemas at the repository
// boundary (and again by the API and the server), so an over-long value is refused with a
// clear message instead of failing somewhere deep in sync.
export const LIMITS = {
  title: 200,
  logline: 500,
  genre: 100,
  synopsis: 100_000,
  notes: 1_048_576,
  description: 2_000,
  details: 1_048_576,
  actionStepText: 1_000,
  actionSteps: 200,
  tag: 40,
  tags: 30,
  files: 50,
  fileName: 255,
  personaName: 80,
  systemPrompt: 20_000,
  model: 200,
  messageContent: 200_000,
} as const;
