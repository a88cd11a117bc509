/**
 * What the two readers of js-yaml's events share (eventReader.ts, which
 * decodes values, and eventTree.ts, which builds `yaml` nodes): a cursor
 * over the flat event list, and the one way out when the input is not one
 * they read exactly as `yaml` does.
 */
import type { Event } from 'js-yaml';

/** Thrown inside a reader to leave the input to `yaml`; caught by the reader's entry point, never escapes. */
export class Unsupported {}
export const unsupported = new Unsupported();

export class EventCursor {
  protected next = 0;

  constructor(protected readonly events: readonly Event[]) {}

  /** The event at the cursor, which moves past it. */
  protected take(): Event {
    const event = this.events[this.next++];
    if (event === undefined) throw unsupported;
    return event;
  }

  /** The event at the cursor, which stays. */
  protected peek(): Event {
    const event = this.events[this.next];
    if (event === undefined) throw unsupported;
    return event;
  }
}
