import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { SelectOption } from '../../api/lookups';
import { client } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';

export const CALENDARS_PATH = '/api/v1/calendars';
const FEED_PATH = '/api/v1/calendar/feed';

/** A calendar configuration: a named view owned by a user or a team, following users' and teams' events. */
export type CalendarConfig = components['schemas']['Calendar'];

export const calendarKeys = {
  all: [CALENDARS_PATH] as const,
  list: [CALENDARS_PATH, 'list'] as const,
  menu: [CALENDARS_PATH, 'menu'] as const,
  feed: [FEED_PATH] as const,
};

/** The calendars the user sees (their own and their teams'); an admin sees all. */
export function useCalendars() {
  return useQuery({
    queryKey: calendarKeys.list,
    queryFn: async () => unwrap(await client.GET('/api/v1/calendars', { params: { query: { sort: 'name', pageSize: 200 } } })),
    staleTime: 60_000,
  });
}

/** The calendar filter's choices. */
export function useCalendarOptions(): SelectOption[] {
  const { data } = useCalendars();
  return useMemo(() => (data?.items ?? []).map((calendar) => ({ value: calendar.id, label: calendar.name })), [data]);
}

/** The calendars of the user's menu (their own and their teams', marked "show in menu"). */
export function useCalendarMenu() {
  return useQuery({
    queryKey: calendarKeys.menu,
    queryFn: async () => unwrap(await client.GET('/api/v1/calendars/menu')),
    staleTime: 60_000,
  });
}

/** A calendar's fields as sent: all of them to create (a name at least), the changed ones and the version to edit. */
export type CalendarChanges = components['schemas']['UpdateCalendarDto'];

export function useSaveCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id?: string; body: CalendarChanges }): Promise<CalendarConfig> =>
      id
        ? unwrap(await client.PATCH('/api/v1/calendars/{id}', { params: { path: { id } }, body }))
        : unwrap(await client.POST('/api/v1/calendars', { body: { ...body, name: body.name ?? '' } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

export function useDeleteCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await client.DELETE('/api/v1/calendars/{id}', { params: { path: { id } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

/** The user's iCalendar feed: a secret URL that calendar apps subscribe to. */
export function useCalendarFeed(enabled: boolean) {
  return useQuery({
    queryKey: calendarKeys.feed,
    enabled,
    queryFn: async () => unwrap(await client.GET('/api/v1/calendar/feed')),
    staleTime: Infinity,
  });
}

/** A new secret for the feed: the old URL stops working at once. */
export function useRegenerateFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await client.POST('/api/v1/calendar/feed/regenerate')),
    onSuccess: (feed) => queryClient.setQueryData(calendarKeys.feed, feed),
  });
}
