import { Agent, IncomingHttpHeaders, request } from 'node:http';
import { AddressInfo, Server } from 'node:net';

export interface HttpRequest {
  method: string;
  /** Path and query, already percent-encoded: sent byte for byte (no `..` folding as `fetch` would do). */
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  contentType: string;
  /** Empty for an event stream, which is closed as soon as its headers arrive. */
  body: Buffer;
  ms: number;
}

/** A request that got no answer in time: a hang is a failure too. */
export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Plain `node:http` to the listening app, one kept-alive connection: raw
 * paths and bodies go out exactly as generated, and nothing is retried.
 */
export class HttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  static of(server: Server): HttpClient {
    const address = server.address() as AddressInfo;
    return new HttpClient('127.0.0.1', address.port);
  }

  send(req: HttpRequest): Promise<HttpResponse> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) };
      const outgoing = request({ host: this.host, port: this.port, method: req.method, path: req.target, headers, agent: this.agent }, (incoming) => {
        const contentType = String(incoming.headers['content-type'] ?? '');
        const done = (body: Buffer) =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, contentType, body, ms: performance.now() - started });
        if (contentType.startsWith('text/event-stream')) {
          // an endless stream (the notification bell): its status and headers are the answer
          incoming.destroy();
          done(Buffer.alloc(0));
          return;
        }
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => done(Buffer.concat(chunks)));
        incoming.on('error', reject);
      });
      outgoing.setTimeout(REQUEST_TIMEOUT_MS, () => outgoing.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
      outgoing.on('error', reject);
      outgoing.end(req.body);
    });
  }

  /** A JSON call for setting up fixtures; throws unless the answer is 2xx. */
  async call<T = unknown>(method: string, target: string, token: string | undefined, body?: unknown): Promise<T> {
    const response = await this.send({
      method,
      target,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
    });
    const text = response.body.toString('utf8');
    if (response.status >= 300) throw new Error(`${method} ${target} answered ${response.status}: ${text.slice(0, 500)}`);
    return (text && response.contentType.includes('json') ? JSON.parse(text) : undefined) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}
