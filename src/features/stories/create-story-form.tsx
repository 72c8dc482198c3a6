// "New story title" + "Create story". The new story appears at the top of the list; the field
// keeps focus so several stories can be created in a row. Errors (too long, disk full) are
// shown under the field and the typed title stays.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { db } from '../../db/instance';
import { createStory } from '../../db/stories-repository';
import { Button } from '../../components/ui/button';
import { describeError, fieldIssues } from '../../components/ui/describe-error';
import { TextField } from '../../components/ui/text-field';

export function CreateStoryForm() {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) {
      setError('Give the story a title.');
      return;
    }
    setBusy(true);
    try {
      await createStory(db, { title: trimmed });
      setTitle('');
      setError(null);
    } catch (caught) {
      setError(fieldIssues(caught, 'title')[0] ?? describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="create-story card" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label="New story title"
        name="title"
        value={title}
        autoComplete="off"
        placeholder="e.g. The Lighthouse Keeper’s Daughter"
        error={error}
        onChange={(event) => {
          setTitle(event.target.value);
          if (error) setError(null);
        }}
      />
      <Button type="submit" variant="primary" disabled={busy}>
        Create story
      </Button>
    </form>
  );
}
