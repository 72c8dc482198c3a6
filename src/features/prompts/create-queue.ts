// Submissions of a one-field "add" form, in the order they were made. A writer adding several
// prompts or steps types the next title while the last one is still being written (a new
// prompt reads its category to go at the end): that submission must wait its turn, not be
// ignored, and the text typed meanwhile must survive the previous one's completion.

export class CreateQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly inFlight = new Set<string>();

  /** True while `text` is submitted and not yet written (or failed). */
  isPending(text: string): boolean {
    return this.inFlight.has(text);
  }

  /**
   * Runs `create(text)` after every earlier submission has settled (a failed one does not block
   * the next). Null when the same text is already on its way: a double Enter adds it once.
   */
  submit(text: string, create: (text: string) => Promise<unknown>): Promise<unknown> | null {
    if (this.inFlight.has(text)) return null;
    this.inFlight.add(text);
    const run = this.tail.then(() => create(text));
    this.tail = run.catch(() => undefined);
    return run.finally(() => this.inFlight.delete(text));
  }
}
