import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useRef, useState, type ReactNode } from 'react';

/** What a change of a recurring event applies to: this occurrence, this one and those after it, or every one. */
export type SeriesScope = 'occurrence' | 'following' | 'series';

type Action = 'move' | 'save' | 'repeat' | 'delete';

const EVERY_SCOPE: readonly SeriesScope[] = ['series', 'following', 'occurrence'];

/** What is asked for each action, and the answers it offers as shown: the widest first, the last (the narrowest) the default. */
const QUESTION: Record<Action, { title: string; text: string; scopes: readonly SeriesScope[] }> = {
  move: {
    title: 'Move a recurring event',
    text: 'Move only this occurrence, this one and the following ones, or every occurrence of the series?',
    scopes: EVERY_SCOPE,
  },
  save: {
    title: 'Change a recurring event',
    text: 'Save the changes to this occurrence only, to this one and the following ones, or to the whole series?',
    scopes: EVERY_SCOPE,
  },
  // one occurrence cannot repeat on its own
  repeat: {
    title: 'Change how a recurring event repeats',
    text: 'Repeat this way from this occurrence on, or the whole series?',
    scopes: ['series', 'following'],
  },
  delete: {
    title: 'Delete a recurring event',
    text: 'Cancel only this occurrence, delete this one and the following ones, or delete the whole series?',
    scopes: EVERY_SCOPE,
  },
};

const SCOPE_LABELS: Record<SeriesScope, string> = { occurrence: 'This occurrence', following: 'This and following', series: 'Whole series' };

/**
 * Asks "this occurrence, this and following, or the whole series?" as
 * calendar apps do (a new repetition: only the last two), and answers with
 * a promise (null: the user backed out). Render `dialog` once.
 */
export function useSeriesScopeQuestion(): { ask: (action: Action) => Promise<SeriesScope | null>; dialog: ReactNode } {
  const [action, setAction] = useState<Action | null>(null);
  const resolver = useRef<((scope: SeriesScope | null) => void) | null>(null);
  const answer = (scope: SeriesScope | null) => {
    resolver.current?.(scope);
    resolver.current = null;
    setAction(null);
  };
  const ask = useCallback(
    (next: Action) =>
      new Promise<SeriesScope | null>((resolve) => {
        resolver.current = resolve;
        setAction(next);
      }),
    [],
  );
  const question = action ? QUESTION[action] : null;
  const dialog = (
    <Modal opened={question !== null} onClose={() => answer(null)} title={question?.title} size="lg" centered zIndex={400}>
      {question && (
        <Stack gap="md">
          <Text size="sm">{question.text}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => answer(null)}>
              Cancel
            </Button>
            {question.scopes.map((scope, index) => {
              const isDefault = index === question.scopes.length - 1;
              return (
                <Button key={scope} variant={isDefault ? 'filled' : 'light'} data-autofocus={isDefault || undefined} onClick={() => answer(scope)}>
                  {SCOPE_LABELS[scope]}
                </Button>
              );
            })}
          </Group>
        </Stack>
      )}
    </Modal>
  );
  return { ask, dialog };
}
