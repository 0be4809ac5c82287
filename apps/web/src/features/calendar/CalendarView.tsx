import FullCalendar, { type CalendarRef, type DatesSetInfo, type EventChangeInfo, type EventInput } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import '@fullcalendar/react/skeleton.css';
import classicTheme from '@fullcalendar/react/themes/classic';
import '@fullcalendar/react/themes/classic/palette.css';
import '@fullcalendar/react/themes/classic/theme.css';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import './calendar.css';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef } from 'react';
import type { CalendarItem } from '../events/event-types';
import { CALENDAR_VIEWS, type CalendarState, type CalendarViewName, type VisibleRange } from './calendar-state';
import { eventColors } from './event-colors';
import type { EventMove } from './use-event-moves';

const PLUGINS = [classicTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];
const VIEW_BY_TYPE = Object.fromEntries(Object.entries(CALENDAR_VIEWS).map(([name, type]) => [type, name])) as Record<string, CalendarViewName>;

interface CalendarViewProps {
  state: CalendarState;
  events: CalendarItem[];
  /** The range on screen changed (navigation, another view): what to load, and the view and date for the URL. */
  onRange: (range: VisibleRange, view: CalendarViewName, date: string) => void;
  onSelect: (slot: { start: Date; end: Date; allDay: boolean }) => void;
  onOpen: (event: CalendarItem) => void;
  onMove: (event: CalendarItem, to: EventMove, revert: () => void) => void;
}

function toInput(event: CalendarItem, state: CalendarState): EventInput {
  const colors = eventColors(event, state.colorBy);
  return {
    id: event.occurrenceId ?? event.id,
    title: event.type === 'task' && event.status === 'realized' ? `✓ ${event.subject}` : event.subject,
    start: event.startAt,
    end: event.endAt,
    allDay: event.allDay,
    color: colors.color,
    contrastColor: colors.contrastColor,
    className: colors.classNames.join(' ') || undefined,
    extendedProps: { event },
  };
}

function within(date: string, start: Date, end: Date): boolean {
  const day = dayjs(date);
  return !day.isBefore(dayjs(start), 'day') && day.isBefore(dayjs(end));
}

/** FullCalendar, in the browser's (the user's) time zone, following the URL's view and date. */
export function CalendarView({ state, events, onRange, onSelect, onOpen, onMove }: CalendarViewProps) {
  const ref = useRef<CalendarRef>(null);
  const inputs = useMemo(() => events.map((event) => toInput(event, state)), [events, state]);

  // The views and dates the calendar reported (datesSet), oldest first, until the URL shows them. The URL
  // catching up with the calendar is no change to follow: a second click (Week right after Month) can move the
  // calendar before the URL shows the first, and following that URL pulled the calendar back to month.
  const reported = useRef<string[]>([]);

  // The URL changed from outside (Back, a bookmark): the calendar follows.
  useEffect(() => {
    const api = ref.current?.getApi();
    if (!api) return;
    const own = reported.current.indexOf(`${state.view}|${state.date}`);
    reported.current = own >= 0 ? reported.current.slice(own + 1) : [];
    if (own >= 0) return;
    const type = CALENDAR_VIEWS[state.view];
    if (api.view.type !== type) api.changeView(type, state.date);
    else if (!within(state.date, api.view.currentStart, api.view.currentEnd)) api.gotoDate(state.date);
  }, [state.view, state.date]);

  const datesSet = (info: DatesSetInfo) => {
    const view = VIEW_BY_TYPE[info.view.type] ?? 'week';
    const { currentStart, currentEnd } = info.view;
    const today = dayjs().format('YYYY-MM-DD');
    // The URL keeps its day while it is on screen; otherwise today when shown, else the first day shown.
    const date = within(state.date, currentStart, currentEnd)
      ? state.date
      : within(today, currentStart, currentEnd)
        ? today
        : dayjs(currentStart).format('YYYY-MM-DD');
    reported.current = [...reported.current.slice(-9), `${view}|${date}`];
    onRange({ start: info.start, end: info.end }, view, date);
  };

  const changed = (info: EventChangeInfo) => {
    const item = info.event.extendedProps.event as CalendarItem;
    const start = info.event.start!;
    // FullCalendar leaves out the end of an item as long as its default: a day, or an hour.
    const end = info.event.end ?? (info.event.allDay ? dayjs(start).add(1, 'day') : dayjs(start).add(1, 'hour')).toDate();
    onMove(item, { startAt: start.toISOString(), endAt: end.toISOString(), allDay: info.event.allDay }, info.revert);
  };

  return (
    <FullCalendar
      ref={ref}
      plugins={PLUGINS}
      initialView={CALENDAR_VIEWS[state.view]}
      initialDate={state.date}
      headerToolbar={{ start: 'prev,next today', center: 'title', end: 'dayGridMonth,timeGridWeek,timeGridDay,listWeek' }}
      buttons={{
        today: { text: 'Today' },
        dayGridMonth: { text: 'Month' },
        timeGridWeek: { text: 'Week' },
        timeGridDay: { text: 'Day' },
        listWeek: { text: 'List' },
      }}
      firstDay={1}
      contentHeight={640}
      nowIndicator
      navLinks
      editable
      selectable
      selectMirror
      dayMaxEvents
      scrollTime="08:00:00"
      events={inputs}
      datesSet={datesSet}
      select={(info) => {
        onSelect({ start: info.start, end: info.end, allDay: info.allDay });
        ref.current?.getApi().unselect();
      }}
      eventClick={(info) => {
        info.jsEvent.preventDefault();
        onOpen(info.event.extendedProps.event as CalendarItem);
      }}
      eventDidMount={(info) => {
        // Who it is for tests and assistive technology; mirrors (while dragging) are not the event.
        if (info.isMirror) return;
        const item = info.event.extendedProps.event as CalendarItem;
        info.el.dataset.eventId = item.seriesId ?? item.id;
        info.el.setAttribute('data-testid', 'calendar-event');
      }}
      eventDrop={changed}
      eventResize={changed}
    />
  );
}
