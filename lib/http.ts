import "server-only";

// Small helpers for route handlers: Danish JSON errors without stack traces, and download headers.

export function jsonError(status: number, message: string): Response {
  return new Response(JSON.stringify({ error: message }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export const NOT_LOGGED_IN = () => jsonError(401, "Du skal være logget ind.");
export const NOT_FOUND = () => jsonError(404, "Findes ikke.");

export function downloadHeaders(contentType: string, filename: string): Record<string, string> {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
}

/** Turns an async sequence of text chunks into a byte stream (UTF-8). */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

/** A redirect to a path of this site (relative Location, as Next's own redirects). 303 after a POST: the browser then GETs it. */
export function redirectTo(path: string, status: 303 | 307 = 307): Response {
  return new Response(null, { status, headers: { Location: path, "Cache-Control": "no-store" } });
}

/** A page written as markup (app/konto/route.ts). */
export function htmlPage(body: string, status = 200): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
