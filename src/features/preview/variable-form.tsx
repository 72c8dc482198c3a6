// One labelled field per `{{name}}` in the prompt (label = the variable's name); what is
// typed fills the preview as it is typed.
import { TextField } from '../../components/ui/text-field';
import type { FormValues } from './preview-values';

export interface VariableFormProps {
  variables: string[];
  answers: FormValues;
  onChange: (name: string, value: string) => void;
}

export function VariableForm({ variables, answers, onChange }: VariableFormProps) {
  if (variables.length === 0) return null;
  return (
    <section className="preview-card preview-variables" aria-labelledby="variables-heading">
      <h2 id="variables-heading">Fill in</h2>
      <p className="preview-hint">Empty fields stay as {'{{name}}'} in the copied prompt.</p>
      <div className="preview-variables__grid">
        {variables.map((name) => (
          <TextField
            key={name}
            label={name}
            value={answers[name] ?? ''}
            onChange={(event) => onChange(name, event.target.value)}
          />
        ))}
      </div>
    </section>
  );
}
