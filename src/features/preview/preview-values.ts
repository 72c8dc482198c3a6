// What the preview fills in: the story's own fields for `{{story.*}}` and the writer's
// answers for every other variable. Answers are kept per variable name, so editing the
// details (adding or removing a variable) keeps what was already typed for the others.
import type { Story } from '../../domain/entities';
import { fillTemplate, findFormVariables, storyValues } from '../../domain/template-variables';

export type FormValues = Readonly<Record<string, string>>;

export interface FilledPrompt {
  /** The variables the writer fills by hand, in order of first appearance. */
  variables: string[];
  /** The details with every known, non-empty value filled in. */
  text: string;
}

export function fillPrompt(
  details: string,
  story: Pick<Story, 'title' | 'logline' | 'genre' | 'synopsis'>,
  answers: FormValues,
): FilledPrompt {
  const variables = findFormVariables(details);
  const values: Record<string, string> = {};
  for (const name of variables) if (answers[name] !== undefined) values[name] = answers[name];
  // Story values last: a form answer can never override what the overview says.
  return { variables, text: fillTemplate(details, { ...values, ...storyValues(story) }) };
}

export function setAnswer(answers: FormValues, name: string, value: string): FormValues {
  return { ...answers, [name]: value };
}
