// A Server-Sent Events reader for streamed bodies, used on both sides of the chat: the API
// reading the provider's reply and the browser reading ours (EventSource cannot POST). Text in
// (as it arrives, split anywhere), whole events out (`event` name or null, `data` lines joined
// by "\n"), following the WHATWG event-stream rules (LF, CRLF or CR line ends, comments, one
// optional space after the colon). It works on lines, not on parsed objects, so the chat proxy
// can pass a reply through without the SDK's per-chunk stream machinery.
export type SseEventHandler = (event: string | null, data: string) => void;

export class SseReader {
  private pending = '';
  private event: string | null = null;
  private data: string | undefined;

  constructor(private readonly onEvent: SseEventHandler) {}

  /** Feeds the next piece of decoded text; complete events are handed to `onEvent`. */
  feed(text: string): void {
    let buffer = this.pending + text;
    // A CR at the very end may be the first half of a CRLF split across two pieces.
    const held = buffer.endsWith('\r') ? '\r' : '';
    if (held) buffer = buffer.slice(0, -1);
    if (buffer.includes('\r')) buffer = buffer.replace(/\r\n?/g, '\n');
    let start = 0;
    for (let end = buffer.indexOf('\n'); end !== -1; end = buffer.indexOf('\n', start)) {
      this.line(buffer.slice(start, end));
      start = end + 1;
    }
    this.pending = buffer.slice(start) + held;
  }

  /** The stream ended: a last line without its line end and a last event without its blank line still count. */
  end(): void {
    const rest = this.pending.replace(/\r$/, '');
    this.pending = '';
    if (rest !== '') this.line(rest);
    this.line('');
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data !== undefined) this.onEvent(this.event, this.data);
      this.event = null;
      this.data = undefined;
      return;
    }
    if (line.charCodeAt(0) === 58 /* ':' comment */) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32 /* ' ' */) value = value.slice(1);
    if (field === 'data') this.data = this.data === undefined ? value : `${this.data}\n${value}`;
    else if (field === 'event') this.event = value;
  }
}
