import { addressKey, LoginCounter, loginKeys, normaliseEmail, refusal, tooManyAttempts } from './login-throttle';

describe('addressKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:cb00:7107', '203.0.113.7'],
    ['2001:db8:85a3:1:8a2e:370:7334:1', '2001:db8:85a3:1::/64'],
    ['2001:db8:85a3:1::99', '2001:db8:85a3:1::/64'],
    ['2001:0DB8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b:1:2::198.51.100.1', '64:ff9b:1:2::/64'],
    ['unknown', 'unknown'],
  ])('counts %s as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  it('counts every address of one IPv6 /64 together, and neighbouring /64s apart', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
  });
});

describe('loginKeys', () => {
  it('keys an attempt by account and address, by address, and by account, email lower-cased', () => {
    expect(loginKeys(normaliseEmail(' Maria@Example.COM '), '::ffff:198.51.100.4')).toEqual([
      { scope: 'account_address', subject: 'maria@example.com|198.51.100.4' },
      { scope: 'address', subject: '198.51.100.4' },
      { scope: 'account', subject: 'maria@example.com' },
    ]);
  });
});

describe('refusal', () => {
  const counter = (scope: LoginCounter['scope'], attempts: number, secondsLeft: number): LoginCounter => ({
    scope,
    subject: 'x',
    attempts,
    secondsLeft,
    windowEndsAt: new Date(0),
  });

  it.each<[string, LoginCounter[], number | undefined]>([
    ['all with room', [counter('account_address', 10, 900), counter('address', 50, 900), counter('account', 100, 3600)], undefined],
    ['the account from this address past 10', [counter('account_address', 11, 300), counter('address', 11, 800), counter('account', 11, 3000)], 300],
    ['the address past 50', [counter('account_address', 1, 900), counter('address', 51, 120), counter('account', 1, 3600)], 120],
    ['the account past 100', [counter('account_address', 1, 900), counter('address', 1, 900), counter('account', 101, 2400)], 2400],
    ['two past their limit: the later end', [counter('account_address', 11, 200), counter('address', 51, 700), counter('account', 1, 3600)], 700],
    ['a window ending this second: at least 1', [counter('account_address', 11, 0), counter('address', 1, 900), counter('account', 1, 3600)], 1],
  ])('%s', (_, counters, retryAfter) => {
    expect(refusal(counters)).toBe(retryAfter);
  });
});

describe('tooManyAttempts', () => {
  it.each([
    [1, 'Try again in 1 second.'],
    [45, 'Try again in 45 seconds.'],
    [60, 'Try again in 1 minute.'],
    [61, 'Try again in 2 minutes.'],
    [900, 'Try again in 15 minutes.'],
  ])('after %i s: %s', (seconds, text) => {
    const error = tooManyAttempts(seconds);
    expect(error).toMatchObject({ kind: 'rate_limited', code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: seconds });
    expect(error.message).toBe(`Too many failed sign-ins. ${text}`);
  });
});
