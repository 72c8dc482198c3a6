// "2026-11-26" for the writer's own calendar day. toISOString() gives the UTC day, which is
// already tomorrow (or still yesterday) for much of the world in the evening (or morning).
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
