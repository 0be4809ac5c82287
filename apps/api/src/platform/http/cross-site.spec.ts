import { isCrossSiteWrite } from './cross-site';

describe('isCrossSiteWrite', () => {
  const own = ['http://crm.internal:3000'];
  const behindProxy = ['http://crm.internal:3000', 'https://crm.example.com'];

  it.each([
    // Sec-Fetch-Site, when sent, is the whole answer
    ['same-origin', undefined, own, false],
    ['none', undefined, own, false],
    ['same-origin', 'http://localhost:5173', own, false], // the SPA's dev server proxies to the API
    ['same-site', 'https://other.example.com', own, true],
    ['cross-site', 'https://evil.example', own, true],
    ['cross-site', 'http://crm.internal:3000', own, true],
    // without it (older browsers), Origin against the CRM's own origins
    [undefined, undefined, own, false],
    [undefined, 'http://crm.internal:3000', own, false],
    [undefined, 'http://CRM.internal:3000', own, false],
    [undefined, 'https://crm.internal:3000', own, true],
    [undefined, 'http://crm.internal:3001', own, true],
    [undefined, 'https://crm.example.com', own, true],
    [undefined, 'https://crm.example.com', behindProxy, false],
    [undefined, 'https://crm.example.com:443', behindProxy, false],
    [undefined, 'https://evil.example', behindProxy, true],
    [undefined, 'null', own, true],
    [undefined, 'not a url', own, true],
    [undefined, 'http://crm.internal:3000', [undefined], true],
  ])('Sec-Fetch-Site %s, Origin %s, own origins %j → cross-site %s', (fetchSite, origin, ownOrigins, crossSite) => {
    expect(isCrossSiteWrite({ fetchSite, origin, ownOrigins })).toBe(crossSite);
  });
});
