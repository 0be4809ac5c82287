import type { components } from '../api/schema';
import type { CalendarEvent } from '../features/events/event-types';

type Lead = components['schemas']['Lead'];
type Partner = components['schemas']['Partner'];
type Contact = components['schemas']['Contact'];

const stamps = { createdAt: '2026-11-28T09:30:00.000Z', updatedAt: '2026-11-28T09:30:00.000Z', createdById: null, version: 1 };
const noAddress = { street: null, city: null, postalCode: null, state: null, country: null };

export function aLead(overrides: Partial<Lead> = {}): Lead {
  return {
    id: crypto.randomUUID(),
    ...stamps,
    title: null,
    firstName: 'Jane',
    lastName: 'Doe',
    companyName: null,
    jobTitle: null,
    email: null,
    phone: null,
    mobilePhone: null,
    website: null,
    address: noAddress,
    sourceId: null,
    referredBy: null,
    assignedToId: null,
    teamId: null,
    doNotCall: false,
    doNotEmail: false,
    status: 'new',
    lostReasonId: null,
    lostNote: null,
    description: null,
    partnerId: null,
    contactId: null,
    convertedAt: null,
    ...overrides,
  };
}

export function aPartner(overrides: Partial<Partner> = {}): Partner {
  return {
    id: crypto.randomUUID(),
    ...stamps,
    kind: 'company',
    name: 'Acme',
    firstName: null,
    email: null,
    phone: null,
    mobilePhone: null,
    website: null,
    address: noAddress,
    description: null,
    sourceId: null,
    assignedToId: null,
    teamId: null,
    isProspect: true,
    isCustomer: false,
    isSupplier: false,
    ...overrides,
  };
}

export function aContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: crypto.randomUUID(),
    ...stamps,
    title: null,
    firstName: 'Paul',
    lastName: 'Martin',
    email: null,
    phone: null,
    mobilePhone: null,
    jobTitle: null,
    partnerId: null,
    doNotCall: false,
    doNotEmail: false,
    address: noAddress,
    description: null,
    assignedToId: null,
    ...overrides,
  };
}

/** A single planned meeting (an hour on 2 December 2026, UTC), as `GET /events/:id` answers it. */
export function anEvent(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    id: crypto.randomUUID(),
    ...stamps,
    type: 'meeting',
    status: 'planned',
    callDirection: null,
    subject: 'Demo',
    description: null,
    location: null,
    categoryId: null,
    startAt: '2026-12-02T10:00:00.000Z',
    endAt: '2026-12-02T11:00:00.000Z',
    allDay: false,
    timeZone: 'UTC',
    priority: null,
    assignedToId: crypto.randomUUID(),
    teamId: null,
    leadId: null,
    partnerId: null,
    contactId: null,
    opportunityId: null,
    reminders: [],
    recurrence: null,
    seriesEndAt: '2026-12-02T11:00:00.000Z',
    seriesId: null,
    originalStartAt: null,
    attendeeUserIds: [],
    attendeeContactIds: [],
    ...overrides,
  };
}
