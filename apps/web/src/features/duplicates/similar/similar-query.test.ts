import { describe, expect, it } from 'vitest';
import { similarQuery } from './similar-query';

describe('similarQuery', () => {
  it('asks nothing until a typed value can point at a record', () => {
    expect(similarQuery('partners', {})).toBeNull();
    expect(similarQuery('partners', { name: 'Ac', email: 'contact@acme', phone: '01 23', website: 'acme' })).toBeNull();
    expect(similarQuery('partners', { name: '   ', email: null, phone: undefined })).toBeNull();
    // a first name alone finds nobody: people are looked up by their full name
    expect(similarQuery('leads', { firstName: 'Jeanne' })).toBeNull();
  });

  it('sends the usable values, trimmed, and leaves the others out', () => {
    expect(similarQuery('partners', { name: ' Acme ', email: 'contact@acme', phone: '01.23.45.67.89', website: 'www.acme.fr' })).toEqual({
      entity: 'partners',
      name: 'Acme',
      phone: '01.23.45.67.89',
      website: 'www.acme.fr',
    });
    expect(similarQuery('contacts', { firstName: 'Jo', lastName: 'Durand', email: 'jo.durand@acme.fr' })).toEqual({
      entity: 'contacts',
      lastName: 'Durand',
      email: 'jo.durand@acme.fr',
    });
  });

  it('sends only the fields the entity is compared on, and the record to leave out', () => {
    const values = { name: 'Acme', lastName: 'Durand', companyName: 'Acme', website: 'https://acme.fr/about', city: 'Paris' };
    expect(similarQuery('partners', values, 'id-1')).toEqual({ entity: 'partners', name: 'Acme', website: 'https://acme.fr/about', excludeId: 'id-1' });
    expect(similarQuery('contacts', values)).toEqual({ entity: 'contacts', name: 'Acme', lastName: 'Durand' });
  });

  it('ignores what is not text', () => {
    expect(similarQuery('partners', { name: 42, email: ['a@b.fr'] })).toBeNull();
  });
});
