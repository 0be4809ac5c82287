import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { newId } from '../database/ids';

/** A process, as the rows it owns in a shared database name it. */
export interface ProcessIdentity {
  /** New at each start: a later process given the same pid is not taken for this one. */
  id: string;
  /**
   * Where `pid` means something: the host name, its boot and the pid
   * namespace (two containers may share a name, and pids, on one kernel).
   * Outside Linux, the host name alone.
   */
  host: string;
  pid: number;
}

export const THIS_PROCESS: ProcessIdentity = { id: newId(), host: hostKey(), pid: process.pid };

function hostKey(): string {
  const read = (what: () => string) => {
    try {
      return what().trim();
    } catch {
      return '';
    }
  };
  const boot = read(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8'));
  const pidNamespace = read(() => readlinkSync('/proc/self/ns/pid'));
  return [hostname(), boot, pidNamespace].filter(Boolean).join(' ');
}

/**
 * Whether the process that owns a row, known to have run on this host, is
 * certainly gone: its pid is ours (so it is an earlier start) or names no
 * process any more. This process itself, an owner without a pid, or a pid
 * that exists (it may have been reused) are not: only the heartbeat tells.
 */
export function isGone(
  owner: { id: string | null; pid: number | null },
  self: ProcessIdentity = THIS_PROCESS,
  exists: (pid: number) => boolean = pidExists,
): boolean {
  if (owner.id === self.id || owner.pid === null) return false;
  if (owner.pid === self.pid) return true;
  return !exists(owner.pid);
}

/** Signal 0 checks that the process exists without touching it; EPERM: it exists, as another user. */
function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
