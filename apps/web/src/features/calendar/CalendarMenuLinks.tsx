import { ColorSwatch, NavLink } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useCalendarMenu } from './calendar-api';

/** The calendars put in the user's menu (their own and their teams'), each opening the calendar on it. */
export function CalendarMenuLinks({ onNavigate }: { onNavigate: () => void }) {
  const { pathname, search } = useLocation();
  const menu = useCalendarMenu();
  const current = pathname === '/events' ? new URLSearchParams(search).get('calendarId') : null;
  return (
    <>
      {(menu.data ?? []).map((calendar) => (
        <NavLink
          key={calendar.id}
          component={Link}
          to={`/events?calendarId=${calendar.id}`}
          label={calendar.name}
          leftSection={<ColorSwatch color={calendar.colour} size={10} />}
          active={current === calendar.id}
          aria-current={current === calendar.id ? 'page' : undefined}
          onClick={onNavigate}
        />
      ))}
    </>
  );
}
