// The PostgreSQL server the tests run on (`pnpm test`, `pnpm fuzz`, the fault
// suite): TEST_DATABASE_URL, by default the local one with trust auth.
import { Socket } from 'node:net';

export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

/** Whether something accepts connections at the server's host and port (within a second). */
export function serverAnswers(url = TEST_SERVER_URL) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.connect(Number(port || 5432), hostname);
  });
}
