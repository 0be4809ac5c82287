import { SegmentedControl } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';

/** Kanban or list: the view is in the URL (/opportunities, /opportunities/list). */
export function OpportunitiesViewSwitch() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const value = pathname.startsWith('/opportunities/list') ? 'list' : 'kanban';
  return (
    <SegmentedControl
      aria-label="View"
      value={value}
      onChange={(view) => void navigate(view === 'list' ? '/opportunities/list' : '/opportunities')}
      data={[
        { value: 'kanban', label: 'Kanban' },
        { value: 'list', label: 'List' },
      ]}
    />
  );
}
