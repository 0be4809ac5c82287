import { ConfigListPage } from './ConfigListPage';
import type { ReferenceListName } from './reference-list-names';
import { EVENT_CATEGORIES, LEAD_SOURCES, LOST_REASONS, OPPORTUNITY_TYPES } from './reference-lists';

/** The four admin-managed lists, each a ConfigListPage over its descriptor. */
export function ReferenceListPage({ name }: { name: ReferenceListName }) {
  switch (name) {
    case 'lead-sources':
      return <ConfigListPage key={name} list={LEAD_SOURCES} />;
    case 'lost-reasons':
      return <ConfigListPage key={name} list={LOST_REASONS} />;
    case 'event-categories':
      return <ConfigListPage key={name} list={EVENT_CATEGORIES} />;
    case 'opportunity-types':
      return <ConfigListPage key={name} list={OPPORTUNITY_TYPES} />;
  }
}
