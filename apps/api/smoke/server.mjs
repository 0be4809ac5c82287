// Starts the built app (dist/main.js) as a child process on a free port and
// waits for its health check. Shared by the smoke test and the browser tests.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** A port nothing listens on at the moment (the app is started on it next). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Polls the app's health check until it answers 200; throws with its log when it exits or is not healthy within 60 s (and kills it). */
export async function waitUntilHealthy(child, url, log) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${log()}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the app did not become healthy within 60 s:\n${log()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startServer({ dataDir, demo = false, env = {} }) {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN, ...(demo ? ['--demo'] : [])], {
    env: { ...process.env, DATABASE_URL: '', NODE_ENV: 'test', CRM_ADMIN_PASSWORD: 'admin', ...env, PORT: String(port), CRM_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(child, url, () => log);
  return {
    url,
    log: () => log,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
