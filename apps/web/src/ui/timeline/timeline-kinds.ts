import {
  IconArrowsExchange,
  IconCalendarEvent,
  IconCircleDot,
  IconFileInvoice,
  IconMail,
  IconSparkles,
  IconTransfer,
  IconTrendingUp,
  IconUserCheck,
  IconUserPlus,
  type Icon,
} from '@tabler/icons-react';

interface KindLook {
  icon: Icon;
  color: string;
}

/** How each kind of timeline entry looks. Kinds are open-ended: the API adds some as features land (events, orders). */
const KINDS: Record<string, KindLook> = {
  created: { icon: IconSparkles, color: 'blue' },
  status_changed: { icon: IconArrowsExchange, color: 'yellow' },
  stage_changed: { icon: IconArrowsExchange, color: 'yellow' },
  assigned: { icon: IconUserCheck, color: 'cyan' },
  converted: { icon: IconTransfer, color: 'green' },
  email: { icon: IconMail, color: 'grape' },
  opportunity_created: { icon: IconTrendingUp, color: 'teal' },
  contact_created: { icon: IconUserPlus, color: 'indigo' },
};

const BY_PREFIX: [string, KindLook][] = [
  ['event', { icon: IconCalendarEvent, color: 'orange' }],
  ['order', { icon: IconFileInvoice, color: 'lime' }],
  ['quotation', { icon: IconFileInvoice, color: 'lime' }],
];

const FALLBACK: KindLook = { icon: IconCircleDot, color: 'gray' };

export function kindLook(kind: string): KindLook {
  return KINDS[kind] ?? BY_PREFIX.find(([prefix]) => kind.startsWith(prefix))?.[1] ?? FALLBACK;
}
