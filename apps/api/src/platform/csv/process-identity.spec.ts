import { isGone, ProcessIdentity, THIS_PROCESS } from './process-identity';

describe('isGone', () => {
  const self: ProcessIdentity = { id: '0193a0a0-0000-7000-8000-000000000001', host: 'crm-1 boot pid:[1]', pid: 4242 };
  const alive = new Set([100, 4242]);
  const exists = (pid: number) => alive.has(pid);

  it.each([
    ['this very process', { id: self.id, pid: self.pid }, false],
    ['another live process', { id: 'other', pid: 100 }, false],
    ['a process whose pid names no process any more', { id: 'other', pid: 200 }, true],
    ['an earlier start that had our pid', { id: 'earlier', pid: self.pid }, true],
    ['an owner recorded without a pid (judged by heartbeat)', { id: 'other', pid: null }, false],
  ])('%s → %s', (_, owner, expected) => {
    expect(isGone(owner, self, exists)).toBe(expected);
  });

  it('knows this process for what it is, with its pid and a host key', () => {
    expect(THIS_PROCESS.pid).toBe(process.pid);
    expect(THIS_PROCESS.host).not.toBe('');
    expect(isGone({ id: 'earlier', pid: process.pid })).toBe(true);
    expect(isGone({ id: THIS_PROCESS.id, pid: process.pid })).toBe(false);
  });
});
