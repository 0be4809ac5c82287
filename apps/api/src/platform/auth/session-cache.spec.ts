import { SESSION_CACHE_TTL_MS, SessionCache } from './session-cache';

const maria = { id: 'u1', email: 'maria@example.com', name: 'Maria', role: 'salesperson' as const, tokenId: 't1' };
const sam = { id: 'u2', email: 'sam@example.com', name: 'Sam', role: 'salesperson' as const, tokenId: 't2' };

describe('SessionCache', () => {
  it('trusts a resolved token for the TTL only', () => {
    const cache = new SessionCache();
    cache.set('h1', maria, null, 1_000);
    expect(cache.get('h1', 1_000 + SESSION_CACHE_TTL_MS - 1)).toEqual(maria);
    expect(cache.get('h1', 1_000 + SESSION_CACHE_TTL_MS)).toBeUndefined();
  });

  it('never trusts a token past its own expiry', () => {
    const cache = new SessionCache();
    cache.set('h1', maria, new Date(1_500), 1_000);
    expect(cache.get('h1', 1_499)).toEqual(maria);
    expect(cache.get('h1', 1_500)).toBeUndefined();
  });

  it('forgets a revoked token and every token of a changed user', () => {
    const cache = new SessionCache();
    cache.set('h1', maria, null, 0);
    cache.set('h2', sam, null, 0);
    cache.set('h3', { ...maria, tokenId: 't3' }, null, 0);
    cache.forgetToken('t2');
    expect(cache.get('h2', 1)).toBeUndefined();
    cache.forgetUser('u1');
    expect(cache.get('h1', 1)).toBeUndefined();
    expect(cache.get('h3', 1)).toBeUndefined();
  });
});
