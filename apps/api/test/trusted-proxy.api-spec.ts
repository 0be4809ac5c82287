import { startTestApp, TestApp } from './support/test-app';

/**
 * Behind a reverse proxy every connection comes from the proxy: the client's
 * address is in X-Forwarded-For, which is believed only from the proxies
 * CRM_TRUST_PROXY names. Sign-in limits count by that address.
 */
describe('client addresses behind a trusted proxy (CRM_TRUST_PROXY)', () => {
  const guess = (t: TestApp, address: string, password = 'wrong-password') =>
    t.http.post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ email: 'admin@example.com', password });
  const counters = async (t: TestApp) =>
    (await t.dataSource.query(`SELECT subject FROM login_attempts WHERE scope = 'address' AND attempts > 0 ORDER BY subject`)).map(
      (row: { subject: string }) => row.subject,
    );

  describe('with the proxy trusted', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp({ CRM_TRUST_PROXY: 'loopback' })));
    afterAll(() => t.close());

    it("counts a guesser's attempts under the address the proxy reports, so the owner elsewhere still signs in", async () => {
      for (let i = 0; i < 10; i++) await guess(t, '203.0.113.7').expect(401);
      const refused = await guess(t, '203.0.113.7').expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      await guess(t, '198.51.100.9', 'admin-password').expect(200);
      // the failures count under the guesser's address; the owner's success counts nowhere
      expect(await counters(t)).toEqual(['203.0.113.7']);
    });
  });

  describe('with no proxy trusted (the default)', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp()));
    afterAll(() => t.close());

    it('ignores X-Forwarded-For: a client cannot pick the address it is counted under', async () => {
      for (let i = 0; i < 10; i++) await guess(t, `203.0.113.${i}`).expect(401);
      await guess(t, '203.0.113.99').expect(429);
      const subjects = await counters(t);
      expect(subjects).toHaveLength(1);
      expect(subjects[0]).not.toMatch(/^203\.0\.113\./);
    });
  });
});
