import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  url: URL;
  body: unknown;
}

type Reply = { status: number; body?: unknown };
type Handler = (request: RecordedRequest) => Reply | undefined;

/**
 * Replaces the network: each request goes to the first handler that
 * answers it; unanswered requests get 404. Only the HTTP layer is fake.
 */
export function stubApi(...handlers: Handler[]) {
  const requests: RecordedRequest[] = [];
  const fetchStub = vi.fn(async (input: Request) => {
    const isJson = input.headers.get('content-type')?.includes('json') ?? false;
    // Uploads (multipart) are kept as the FormData they were sent as.
    const body: unknown = isJson ? await input.json() : input.headers.get('content-type')?.startsWith('multipart/') ? await input.formData() : undefined;
    const request: RecordedRequest = { method: input.method, url: new URL(input.url), body };
    requests.push(request);
    const reply = handlers.map((handler) => handler(request)).find(Boolean) ?? { status: 404, body: problem(404, 'No such route in the test.') };
    const contentType = reply.status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': contentType } });
  });
  vi.stubGlobal('fetch', fetchStub);
  return { requests };
}

/** A handler for one method and path (`/api/v1/leads`), whatever the query. */
export function on(method: string, path: string, reply: Reply | ((request: RecordedRequest) => Reply)): Handler {
  return (request) => {
    if (request.method !== method || request.url.pathname !== path) return undefined;
    return typeof reply === 'function' ? reply(request) : reply;
  };
}

export function problem(status: number, detail: string, extra: Record<string, unknown> = {}) {
  return { type: 'about:blank', title: 'Error', status, detail, ...extra };
}

export function page<T>(items: T[], extra: { total?: number; totalExact?: boolean; page?: number; pageSize?: number } = {}) {
  return { items, total: extra.total ?? items.length, page: extra.page ?? 1, pageSize: extra.pageSize ?? 50, totalExact: extra.totalExact ?? true };
}
