import { maxHeaderSize, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem, ProblemDocument } from '../errors/problem-document';

/** How long a refused connection is still read from before it is closed (see below). */
const LINGER_MS = 2000;

/**
 * Requests Node's HTTP parser refuses before there is a request object
 * (request line and headers over `maxHeaderSize`, malformed HTTP, a request
 * too slow to arrive) never reach Express or the problem filter: Node would
 * answer them with a bare status line. This writes them as problem
 * documents like every other refusal, then closes the connection.
 */
export function answerClientErrors(server: Server): void {
  const answered = new WeakSet<Duplex>();
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // the rest of a request already answered: read and dropped until the connection closes
    if (answered.has(socket)) return;
    // as Node does itself: nothing is written over a response that has begun (it would corrupt it)
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    answered.add(socket);
    socket.end(rawResponse(refusalOf(error)));
    // Closing at once, with the client still sending (the rest of a 100 kB
    // URL), makes the kernel reset the connection, and a reset can discard
    // the answer before the client reads it: the client gets a moment to
    // read it and stop (RFC 9112 §9.6).
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
}

function refusalOf(error: NodeJS.ErrnoException): ProblemDocument {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return problem(
        431,
        `The request's URL and headers are larger than the ${Math.floor(maxHeaderSize / 1024)} kB this server reads. Send long values in the body.`,
      );
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return problem(413, 'The chunk extensions of the request body are too large.');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problem(408, 'The request did not arrive in time.');
    default:
      return problem(400, 'The request is not valid HTTP/1.1.');
  }
}

function rawResponse(document: ProblemDocument): string {
  const body = JSON.stringify(document);
  return [
    `HTTP/1.1 ${document.status} ${STATUS_CODES[document.status] ?? ''}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
