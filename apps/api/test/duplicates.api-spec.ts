import type { Test } from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

type Row = { id: string; version: number; [field: string]: unknown };

describe('duplicates: check and merge', () => {
  let t: TestApp;
  let seller: { id: string; token: string };
  const asSeller = (req: Test) => req.auth(seller.token, { type: 'bearer' });
  const asAdmin = (req: Test) => req.auth(t.adminToken, { type: 'bearer' });
  const post = async (path: string, body: object, status = 201): Promise<Row> =>
    (
      await asSeller(t.http.post(`/api/v1${path}`))
        .send(body)
        .expect(status)
    ).body;
  const get = async (path: string): Promise<Row> => (await asSeller(t.http.get(`/api/v1${path}`)).expect(200)).body;
  const partner = (body: object) => post('/partners', body);
  const search = (body: object) => asSeller(t.http.post('/api/v1/duplicates/search')).send(body);
  const merge = (body: object) => asSeller(t.http.post('/api/v1/duplicates/merge')).send(body);
  /** The groups as sorted lists of names, for comparing with the expected answer. */
  const groupNames = (groups: { records: Row[] }[], field = 'name') => groups.map((group) => group.records.map((record) => String(record[field])).sort());

  beforeAll(async () => {
    t = await startTestApp();
    seller = await t.signInAs('salesperson');
  });
  afterAll(() => t.close());

  describe('search', () => {
    beforeAll(async () => {
      for (const body of [
        // each tricky form of one company
        { name: 'Établissements Périer SARL', email: 'contact@perier.fr' },
        { name: 'ETABLISSEMENTS PERIER', email: 'Contact+crm@Perier.FR' },
        { name: 'Etablissements-Périer S.A.R.L.', email: null },
        // legal forms and punctuation
        { name: 'Globex GmbH', email: 'info@globex.de' },
        { name: 'Globex AG', email: 'info@globex.de' },
        { name: 'Initech, Inc.', email: 'sales@initech.com' },
        { name: 'Initech LLC', email: 'sales@initech.com' },
        // one typo apart
        { name: 'Hooli Technologies', email: 'hello@hooli.com' },
        { name: 'Hooli Tecnologies', email: 'hello@hooli.com' },
        // clearly different records, some sharing words, domains or legal forms
        { name: 'Acme', email: 'contact@acme.com' },
        { name: 'Acne Studios', email: 'contact@acnestudios.com' },
        { name: 'Dupont SA', email: 'info@dupont.fr' },
        { name: 'Durand SA', email: 'info@durand.fr' },
        { name: 'Umbrella', email: 'anna@umbrella.com' },
        { name: 'Umbrella Health', email: 'bob@umbrella.com' },
      ]) {
        await partner(body);
      }
    });

    it('groups partners alike by name and email, best first, and never groups clearly different ones', async () => {
      const { body } = await search({ entity: 'partners', fields: ['name', 'email'] }).expect(200);
      expect(groupNames(body.groups)).toEqual(
        expect.arrayContaining([
          ['ETABLISSEMENTS PERIER', 'Etablissements-Périer S.A.R.L.', 'Établissements Périer SARL'],
          ['Globex AG', 'Globex GmbH'],
          ['Initech LLC', 'Initech, Inc.'],
          ['Hooli Technologies', 'Hooli Tecnologies'],
        ]),
      );
      expect(body.groups).toHaveLength(4);
      expect(body.total).toBe(4);
      const scores = body.groups.map((group: { score: number }) => group.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      // a typo scores below records equal once normalised
      const scoreOf = (name: string) => body.groups.find((group: { records: Row[] }) => group.records.some((record) => record.name === name)).score;
      expect(scoreOf('Hooli Tecnologies')).toBeLessThan(scoreOf('Globex AG'));
      expect(scoreOf('Globex AG')).toBe(1);
      // full records, as the partners endpoints answer them
      expect(body.groups[0].records[0]).toMatchObject({ id: expect.any(String), version: 1, address: expect.any(Object) });
    });

    it('groups phones written in any format, read in the default country', async () => {
      await partner({ name: 'Phone One', phone: '+33 1 23 45 67 89' });
      await partner({ name: 'Phone Two', phone: '01.23.45.67.89' });
      await partner({ name: 'Phone Three', phone: '0033 (0)1 23 45 67 89' });
      await partner({ name: 'Phone Four', phone: '01 23 45 67 88' });
      const { body } = await search({ entity: 'partners', fields: ['phone'] }).expect(200);
      expect(groupNames(body.groups)).toEqual([['Phone One', 'Phone Three', 'Phone Two']]);
    });

    it('groups websites with or without scheme and www, and limits the groups answered', async () => {
      await partner({ name: 'Site A', website: 'https://www.example-site.com/en/' });
      await partner({ name: 'Site B', website: 'example-site.com' });
      await partner({ name: 'Site C', website: 'http://other-site.com' });
      const { body } = await search({ entity: 'partners', fields: ['website'] }).expect(200);
      expect(groupNames(body.groups)).toEqual([['Site A', 'Site B']]);
      const limited = await search({ entity: 'partners', fields: ['name'], limit: 1 }).expect(200);
      expect(limited.body.groups).toHaveLength(1);
      expect(limited.body.total).toBeGreaterThan(1);
    });

    it('finds duplicate contacts and leads on their own fields', async () => {
      await post('/contacts', { firstName: 'Zoé', lastName: 'Lefèvre', email: 'zoe.lefevre@example.com' });
      await post('/contacts', { firstName: 'Zoe', lastName: 'LEFEVRE', email: 'ZOE.LEFEVRE@example.com' });
      await post('/contacts', { firstName: 'Zoe', lastName: 'Lefort', email: 'zoe.lefort@example.com' });
      const contacts = await search({ entity: 'contacts', fields: ['firstName', 'lastName', 'email'] }).expect(200);
      expect(groupNames(contacts.body.groups, 'lastName')).toEqual([['LEFEVRE', 'Lefèvre']]);
      await post('/leads', { lastName: 'Martin', companyName: 'Wayne Enterprises Ltd' });
      await post('/leads', { lastName: 'Martin', companyName: 'WAYNE ENTERPRISES' });
      await post('/leads', { lastName: 'Martin', companyName: 'Stark Industries' });
      const leads = await search({ entity: 'leads', fields: ['lastName', 'companyName'] }).expect(200);
      expect(groupNames(leads.body.groups, 'companyName')).toEqual([['WAYNE ENTERPRISES', 'Wayne Enterprises Ltd']]);
    });

    it('refuses unknown fields and entities with 400', async () => {
      const unknown = await search({ entity: 'partners', fields: ['name', 'shoeSize'] }).expect(400);
      expect(unknown.body.errors).toEqual([{ field: 'fields', message: expect.stringContaining('shoeSize') }]);
      await search({ entity: 'contacts', fields: ['website'] }).expect(400);
      await search({ entity: 'users', fields: ['name'] }).expect(400);
      await search({ entity: 'partners', fields: [] }).expect(400);
    });
  });

  describe('similar', () => {
    const similar = (query: string) => asSeller(t.http.get(`/api/v1/duplicates/similar?${query}`));

    it('warns of an existing company while its name, email or phone is typed, best first', async () => {
      const acme = await partner({ name: 'Rocket Anvils SARL', email: 'sales@rocket-anvils.com', phone: '+33 4 72 00 00 01' });
      const byName = await similar('entity=partners&name=rocket%20anvils').expect(200);
      expect(byName.body.items[0]).toMatchObject({ score: expect.any(Number), record: { id: acme.id, name: 'Rocket Anvils SARL' } });
      const typo = await similar('entity=partners&name=Roket%20Anvils').expect(200);
      expect(typo.body.items.map((item: { record: Row }) => item.record.id)).toContain(acme.id);
      const byPhone = await similar('entity=partners&phone=04%2072%2000%2000%2001').expect(200);
      expect(byPhone.body.items.map((item: { record: Row }) => item.record.id)).toEqual([acme.id]);
      const byEmail = await similar('entity=partners&email=SALES%2Bnew@rocket-anvils.com').expect(200);
      expect(byEmail.body.items.map((item: { record: Row }) => item.record.id)).toEqual([acme.id]);
      const editing = await similar(`entity=partners&name=Rocket%20Anvils&excludeId=${acme.id}`).expect(200);
      expect(editing.body.items.map((item: { record: Row }) => item.record.id)).not.toContain(acme.id);
    });

    it('answers nothing for a name like no other, and finds a lead by its person', async () => {
      expect((await similar('entity=partners&name=Zzyzx%20Quantum%20Bakery').expect(200)).body.items).toEqual([]);
      const lead = await post('/leads', { firstName: 'Héloïse', lastName: 'Dubreuil', email: 'heloise@dubreuil.fr' });
      const found = await similar('entity=leads&firstName=Heloise&lastName=Dubreuil').expect(200);
      expect(found.body.items.map((item: { record: Row }) => item.record.id)).toEqual([lead.id]);
    });

    it('refuses a field the entity is not compared on, and a bad entity', async () => {
      const refused = await similar('entity=contacts&website=acme.com').expect(400);
      expect(refused.body.errors).toEqual([{ field: 'website', message: expect.any(String) }]);
      await similar('entity=robots&name=x').expect(400);
      await similar('entity=partners&limit=99').expect(400);
    });
  });

  describe('merge', () => {
    /** A partner with one of every kind of record referring to it. */
    async function partnerWithReferences(name: string) {
      const slug = name.toLowerCase().replace(/\s/g, '-');
      const record = await partner({ name, email: `${slug}@partner.example.com`, isSupplier: name.endsWith('2') });
      const contact = await post('/contacts', { lastName: `Contact of ${name}`, partnerId: record.id });
      const opportunity = await post('/opportunities', { name: `Deal with ${name}`, partnerId: record.id, amount: '1000' });
      const quotation = await post(`/opportunities/${opportunity.id}/quotations`, {});
      const event = await post('/events', {
        type: 'call',
        subject: `Call ${name}`,
        startAt: '2027-01-04T09:00:00Z',
        endAt: '2027-01-04T09:30:00Z',
        partnerId: record.id,
      });
      const email = await post(`/partners/${record.id}/emails`, { subject: 'Hello', body: 'Hi' }, 202);
      const lead = await post('/leads', { lastName: `Lead of ${name}` });
      await post(`/leads/${lead.id}/convert`, { partner: { mode: 'existing', id: record.id }, contact: { mode: 'none' } }, 200);
      return { record, contact, opportunity, quotation, event, email, lead };
    }

    it('moves every reference to the kept partner, unites the flags and deletes the merged one', async () => {
      const kept = await partnerWithReferences('Merge Kept 1');
      const gone = await partnerWithReferences('Merge Gone 2');
      const goneNow = await get(`/partners/${gone.record.id}`);
      await asSeller(t.http.patch(`/api/v1/partners/${gone.record.id}`))
        .send({ website: 'https://gone.example.com', version: goneNow.version })
        .expect(200);

      const merged = await merge({ entity: 'partners', keepId: kept.record.id, mergeIds: [gone.record.id], values: { name: 'Merge Kept' } }).expect(200);
      expect(merged.body).toMatchObject({ id: kept.record.id, name: 'Merge Kept', website: 'https://gone.example.com', isSupplier: true, isProspect: true });
      expect(merged.body.version).toBeGreaterThan(kept.record.version);

      await asSeller(t.http.get(`/api/v1/partners/${gone.record.id}`)).expect(404);
      const list = await get(`/partners?q=merge%20gone`);
      expect(list.items).toEqual([]);
      const contacts = await get(`/contacts?partnerId=${kept.record.id}`);
      expect((contacts.items as Row[]).map((c) => c.id).sort()).toEqual([kept.contact.id, gone.contact.id].sort());
      const opportunities = await get(`/opportunities?partnerId=${kept.record.id}`);
      expect((opportunities.items as Row[]).map((o) => o.id).sort()).toEqual([kept.opportunity.id, gone.opportunity.id].sort());
      expect((await get(`/opportunities/${gone.opportunity.id}`)).version).toBeGreaterThan(gone.opportunity.version);
      expect((await get(`/quotations/${gone.quotation.id}`)).partnerId).toBe(kept.record.id);
      expect((await get(`/events/${gone.event.id}`)).partnerId).toBe(kept.record.id);
      expect((await get(`/leads/${gone.lead.id}`)).partnerId).toBe(kept.record.id);
      expect((await get(`/emails/${gone.email.id}`)).subjectId).toBe(kept.record.id);

      const timeline = await get(`/partners/${kept.record.id}/timeline?pageSize=100`);
      const entries = timeline.items as Array<{ kind: string; summary: string; data: Record<string, unknown>; actorId: string }>;
      const mergeEntry = entries.find((entry) => entry.kind === 'merged')!;
      expect(mergeEntry).toMatchObject({
        summary: 'Merged Merge Gone 2 into Merge Kept 1',
        actorId: seller.id,
        data: { mergedId: gone.record.id, name: 'Merge Gone 2' },
      });
      // the merged partner's own timeline (its creation, its conversion) is now the kept one's
      expect(entries.filter((entry) => entry.kind === 'created')).toHaveLength(2);
    });

    it("moves a merged contact's opportunities, events, invitations, emails and converted leads, one invitation per event", async () => {
      const company = await partner({ name: 'Contact Merge Co' });
      const kept = await post('/contacts', { lastName: 'Keeper', partnerId: company.id });
      const gone = await post('/contacts', { lastName: 'Keepr', email: 'keeper@example.com', doNotCall: true });
      const meeting = { type: 'meeting', subject: 'Both invited', startAt: '2027-01-05T09:00:00Z', endAt: '2027-01-05T10:00:00Z' };
      const both = await post('/events', { ...meeting, attendeeContactIds: [kept.id, gone.id] });
      const one = await post('/events', { ...meeting, subject: 'Gone invited', attendeeContactIds: [gone.id], contactId: gone.id });
      const opportunity = await post('/opportunities', { name: 'Contact deal', partnerId: company.id, contactId: gone.id });
      const email = await post(`/contacts/${gone.id}/emails`, { subject: 'Hello', body: 'Hi' }, 202);

      const merged = await merge({ entity: 'contacts', keepId: kept.id, mergeIds: [gone.id] }).expect(200);
      expect(merged.body).toMatchObject({ id: kept.id, lastName: 'Keeper', email: 'keeper@example.com', doNotCall: true, partnerId: company.id });
      expect((await get(`/events/${both.id}`)).attendeeContactIds).toEqual([kept.id]);
      expect(await get(`/events/${one.id}`)).toMatchObject({ attendeeContactIds: [kept.id], contactId: kept.id });
      expect((await get(`/opportunities/${opportunity.id}`)).contactId).toBe(kept.id);
      expect((await get(`/emails/${email.id}`)).subjectId).toBe(kept.id);
      await asSeller(t.http.get(`/api/v1/contacts/${gone.id}`)).expect(404);
    });

    it('merges leads, with their events and opportunities', async () => {
      const kept = await post('/leads', { lastName: 'Lead Keep', email: null });
      const gone = await post('/leads', { lastName: 'Lead Keep', email: 'lead.keep@example.com' });
      const event = await post('/events', {
        type: 'call',
        subject: 'Call lead',
        startAt: '2027-01-06T09:00:00Z',
        endAt: '2027-01-06T09:15:00Z',
        leadId: gone.id,
      });
      const merged = await merge({ entity: 'leads', keepId: kept.id, mergeIds: [gone.id] }).expect(200);
      expect(merged.body).toMatchObject({ id: kept.id, email: 'lead.keep@example.com' });
      expect((await get(`/events/${event.id}`)).leadId).toBe(kept.id);
    });

    it('merges nothing when a record changed since it was shown (409)', async () => {
      const kept = await partnerWithReferences('Race Kept 1');
      const gone = await partnerWithReferences('Race Gone 2');
      const shown = { [kept.record.id]: kept.record.version, [gone.record.id]: (await get(`/partners/${gone.record.id}`)).version };
      // someone edits the duplicate while the user compares the two
      const edited = await get(`/partners/${gone.record.id}`);
      await asSeller(t.http.patch(`/api/v1/partners/${gone.record.id}`))
        .send({ description: 'edited meanwhile', version: edited.version })
        .expect(200);
      const refused = await merge({ entity: 'partners', keepId: kept.record.id, mergeIds: [gone.record.id], versions: shown }).expect(409);
      expect(refused.body.code).toBe('STALE_VERSION');
      await assertUntouched(gone);
    });

    it('rolls a failed merge back whole: the references moved before the failure are back', async () => {
      const team = (await asAdmin(t.http.post('/api/v1/teams')).send({ name: 'Owners only' }).expect(201)).body;
      const outsider = await t.signInAs('salesperson');
      const kept = await partnerWithReferences('Rollback Kept 1');
      const gone = await partnerWithReferences('Rollback Gone 2');
      const keptVersion = (await get(`/partners/${kept.record.id}`)).version;
      const settings = (await asAdmin(t.http.get('/api/v1/settings/crm')).expect(200)).body;
      await asAdmin(t.http.patch('/api/v1/settings/crm'))
        .send({ customerAssignableTeamIds: [team.id], version: settings.version })
        .expect(200);
      try {
        // the assignee is checked after the references moved, as the kept partner takes its values
        await merge({ entity: 'partners', keepId: kept.record.id, mergeIds: [gone.record.id], values: { assignedToId: outsider.id } }).expect(422);
      } finally {
        const current = (await asAdmin(t.http.get('/api/v1/settings/crm')).expect(200)).body;
        await asAdmin(t.http.patch('/api/v1/settings/crm')).send({ customerAssignableTeamIds: [], version: current.version }).expect(200);
      }
      await assertUntouched(gone);
      expect((await get(`/partners/${kept.record.id}`)).version).toBe(keptVersion);
    });

    it('refuses bad merges with a clear 4xx and changes nothing', async () => {
      const kept = await partnerWithReferences('Refused Kept 1');
      const gone = await partnerWithReferences('Refused Gone 2');
      const base = { entity: 'partners', keepId: kept.record.id, mergeIds: [gone.record.id] };
      const cases: Array<[object, number, string?]> = [
        [{ ...base, mergeIds: [kept.record.id] }, 400, 'mergeIds'],
        [{ ...base, mergeIds: [] }, 400, 'mergeIds'],
        [{ ...base, values: { status: 'won' } }, 400, 'values.status'],
        [{ ...base, values: { email: 'not an email' } }, 400, 'values.email'],
        [{ ...base, values: { name: '' } }, 400, 'values.name'],
        [{ ...base, versions: { [gone.record.id]: 'one' } }, 400, `versions.${gone.record.id}`],
        [{ ...base, entity: 'contacts' }, 404],
        [{ ...base, mergeIds: ['01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41'] }, 404],
      ];
      for (const [body, status, field] of cases) {
        const response = await merge(body).expect(status);
        if (field) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      await assertUntouched(gone);
    });

    /** The merged partner and everything referring to it are as they were. */
    async function assertUntouched(gone: Awaited<ReturnType<typeof partnerWithReferences>>) {
      expect((await get(`/partners/${gone.record.id}`)).id).toBe(gone.record.id);
      expect((await get(`/contacts/${gone.contact.id}`)).partnerId).toBe(gone.record.id);
      expect((await get(`/opportunities/${gone.opportunity.id}`)).partnerId).toBe(gone.record.id);
      expect((await get(`/quotations/${gone.quotation.id}`)).partnerId).toBe(gone.record.id);
      expect((await get(`/events/${gone.event.id}`)).partnerId).toBe(gone.record.id);
      expect((await get(`/leads/${gone.lead.id}`)).partnerId).toBe(gone.record.id);
      expect((await get(`/emails/${gone.email.id}`)).subjectId).toBe(gone.record.id);
      const timeline = await get(`/partners/${gone.record.id}/timeline`);
      expect((timeline.items as Array<{ kind: string }>).some((entry) => entry.kind === 'created')).toBe(true);
    }
  });
});
