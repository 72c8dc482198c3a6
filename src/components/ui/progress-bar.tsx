// A labelled progress bar (role progressbar with its values), e.g. action steps done / total.
export interface ProgressBarProps {
  value: number;
  max: number;
  /** Accessible name, e.g. "Action steps done in Characters". */
  label: string;
  /** Spoken value, e.g. "3 of 7 done". */
  valueText?: string;
  color?: string;
}

export function ProgressBar({ value, max, label, valueText, color }: ProgressBarProps) {
  const safeMax = Math.max(max, 0);
  const clamped = Math.min(Math.max(value, 0), safeMax);
  const percent = safeMax === 0 ? 0 : Math.round((clamped / safeMax) * 100);
  return (
    <div
      className="ui-progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={safeMax === 0 ? 1 : safeMax}
      aria-valuenow={clamped}
      aria-valuetext={
        valueText ?? (safeMax === 0 ? 'Nothing to do yet' : `${clamped} of ${safeMax}`)
      }
    >
      <div className="ui-progress__fill" style={{ width: `${percent}%`, background: color }} />
    </div>
  );
}
