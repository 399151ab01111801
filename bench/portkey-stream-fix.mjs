/**
 * Preloaded (`node --import`) into the Portkey gateway by bench:gateway so that streamed
 * chat completions work at all. With @hono/node-server > 1.14.2 (1.19 is installed) Portkey
 * wraps the upstream fetch Response without copying its headers, then appends its
 * x-portkey-* headers to them, and the fetch spec's immutable guard throws: every
 * `stream: true` request answers 500 "Something went wrong" (Portkey-AI/gateway#1389,
 * #1550; fixed upstream the same way, by copying the response, in #1551).
 *
 * Only event-stream responses are copied, so Portkey's non-streamed path is measured as shipped.
 */
const fetch = globalThis.fetch;
const NativeResponse = globalThis.Response;
const NativeHeaders = globalThis.Headers;

globalThis.fetch = async function fetchWithMutableStreamHeaders(input, init) {
  const response = await fetch(input, init);
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) return response;
  return new NativeResponse(response.body, { status: response.status, statusText: response.statusText, headers: new NativeHeaders(response.headers) });
};
