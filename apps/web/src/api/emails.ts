import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from './client';
import { unwrap } from './problem';
import { generic, resourceKeys } from './resources';
import type { EmailPath } from './resource-types';
import type { components } from './schema';

export type OutboundEmail = components['schemas']['OutboundEmail'];
export type EmailBody = components['schemas']['SendEmailDto'];

/** Queues an email to a lead, partner or contact (202); it then shows on the record's timeline. */
export function useSendEmail(path: EmailPath, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: EmailBody) => unwrap(await generic.POST(`${path}/{id}/emails`, { params: { path: { id } }, body })) as OutboundEmail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resourceKeys.timeline(path, id) }),
  });
}

const POLL_MS = 2_000;
/** Delivery is retried for a long time (5 attempts); watching stops after a minute. */
const MAX_POLLS = 30;

/** An email's delivery, polled while it is still on its way. */
export function useEmailStatus(id: string) {
  return useQuery({
    queryKey: ['emails', id],
    queryFn: async () => unwrap(await client.GET('/api/v1/emails/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      const onItsWay = status === undefined || status === 'queued' || status === 'sending';
      return onItsWay && query.state.dataUpdateCount < MAX_POLLS ? POLL_MS : false;
    },
  });
}
