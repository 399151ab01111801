/**
 * A server-sent-events reader (WHATWG "event stream interpretation") for upstream bodies.
 *
 * Network chunks may end anywhere: inside a line, between the CR and LF of a CRLF, or in
 * the middle of a UTF-8 multi-byte character. The streaming TextDecoder carries partial
 * characters over; this reader carries the unfinished line (the tail) over.
 */
export interface SseEvent {
  /** `message` when the server sent no `event:` field */
  event: string;
  /** the `data:` lines of the event, joined by "\n" */
  data: string;
  id?: string;
}

/** Incremental parser: feed it text, collect complete events. Exposed for tests and reuse. */
export class SseParser {
  private tail = '';
  /** the previous text ended with CR, so a leading LF belongs to that line break */
  private pendingCr = false;
  private data: string[] = [];
  private hasData = false;
  private event = '';
  private id: string | undefined;

  /** Parses `text` and returns the events it completes. */
  push(text: string): SseEvent[] {
    const out: SseEvent[] = [];
    let start = 0;
    if (this.pendingCr && text.startsWith('\n')) start = 1;
    this.pendingCr = false;
    const buffer = this.tail + text.slice(start);
    let lineStart = 0;
    for (let i = this.tail.length; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.line(buffer.slice(lineStart, i), out);
      if (c === 13) {
        if (i + 1 < buffer.length) {
          if (buffer.charCodeAt(i + 1) === 10) i++;
        } else {
          this.pendingCr = true;
        }
      }
      lineStart = i + 1;
    }
    this.tail = buffer.slice(lineStart);
    return out;
  }

  /**
   * Ends the stream. An event whose lines were all complete but whose blank line never came
   * is still dispatched (lenient, as most clients are); an unterminated last line is
   * dropped, since it was cut off.
   */
  end(): SseEvent[] {
    const out: SseEvent[] = [];
    this.tail = '';
    this.dispatch(out);
    return out;
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === '') {
      this.dispatch(out);
      return;
    }
    if (line.charCodeAt(0) === 58 /* ':' comment */) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        this.hasData = true;
        break;
      case 'event':
        this.event = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.id = value;
        break;
      default:
        // `retry` and unknown fields do not concern a one-shot upstream reader.
        break;
    }
  }

  private dispatch(out: SseEvent[]): void {
    if (this.hasData) {
      const event: SseEvent = { event: this.event || 'message', data: this.data.join('\n') };
      if (this.id !== undefined) event.id = this.id;
      out.push(event);
    }
    this.data = [];
    this.hasData = false;
    this.event = '';
  }
}

/** Reads events from a byte stream, holding partial characters and lines between chunks. */
export async function* readSse(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<SseEvent, void, undefined> {
  const decoder = new TextDecoder('utf-8');
  const parser = new SseParser();
  for await (const chunk of body) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield* parser.push(text);
  }
  const rest = decoder.decode();
  if (rest) yield* parser.push(rest);
  yield* parser.end();
}
