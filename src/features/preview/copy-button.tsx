// Copies the filled prompt as plain markdown. The result ("Copied" or why not) is announced.
import { useEffect, useState } from 'react';
import { Button } from '../../components/ui/button';

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // Clipboard access can be refused (permissions, insecure context): say so, lose nothing.
      setState('failed');
    }
  };

  return (
    <span className="copy-button">
      <Button variant="primary" onClick={() => void copy()}>
        Copy
      </Button>
      <span role="status" className={`copy-button__status copy-button__status--${state}`}>
        {state === 'copied'
          ? 'Copied'
          : state === 'failed'
            ? 'Could not copy: select the text and copy it by hand.'
            : ''}
      </span>
    </span>
  );
}
