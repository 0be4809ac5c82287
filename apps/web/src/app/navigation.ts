import {
  IconAddressBook,
  IconBuildingStore,
  IconCalendarEvent,
  IconChartBar,
  IconHome,
  IconSettings,
  IconTarget,
  IconTargetArrow,
  IconTrendingUp,
  type Icon,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { CalendarMenuLinks } from '../features/calendar/CalendarMenuLinks';

export interface NavItem {
  label: string;
  to: string;
  icon?: Icon;
  adminOnly?: boolean;
  /** Active on this path only, not on the pages below it (the calendar at `/events`, the lists at `/events/calls`). */
  end?: boolean;
  children?: NavItem[];
  /** Entries read from the API after the fixed children (the calendars of the user's menu). */
  more?: ComponentType<{ onNavigate: () => void }>;
}

/** The CRM menu. Customers are partners in the API, hence the route. */
export const NAV_ITEMS: NavItem[] = [
  { label: 'Home', to: '/', icon: IconHome },
  { label: 'Leads', to: '/leads', icon: IconTargetArrow },
  { label: 'Customers', to: '/partners', icon: IconBuildingStore },
  { label: 'Contacts', to: '/contacts', icon: IconAddressBook },
  {
    label: 'Events',
    to: '/events',
    icon: IconCalendarEvent,
    children: [
      { label: 'Calendar', to: '/events', end: true },
      { label: 'Calls', to: '/events/calls' },
      { label: 'Meetings', to: '/events/meetings' },
      { label: 'Tasks', to: '/events/tasks' },
      { label: 'All events', to: '/events/all' },
    ],
    more: CalendarMenuLinks,
  },
  { label: 'Opportunities', to: '/opportunities', icon: IconTrendingUp },
  { label: 'Objectives', to: '/objectives', icon: IconTarget },
  { label: 'Reports', to: '/reports', icon: IconChartBar },
  {
    label: 'Configuration',
    to: '/configuration',
    icon: IconSettings,
    children: [
      { label: 'Lead sources', to: '/configuration/lead-sources' },
      { label: 'Lost reasons', to: '/configuration/lost-reasons' },
      { label: 'Event categories', to: '/configuration/event-categories' },
      { label: 'Opportunity types', to: '/configuration/opportunity-types' },
      { label: 'CRM settings', to: '/configuration/crm-settings' },
      { label: 'Calendars', to: '/configuration/calendars' },
      { label: 'Objectives', to: '/configuration/objectives' },
      { label: 'Users', to: '/configuration/users', adminOnly: true },
      { label: 'Teams', to: '/configuration/teams', adminOnly: true },
    ],
  },
];
