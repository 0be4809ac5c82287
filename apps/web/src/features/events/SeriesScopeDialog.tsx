import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useRef, useState, type ReactNode } from 'react';

/** What a change of a recurring event applies to: this occurrence, this one and those after it, or every one. */
export type SeriesScope = 'occurrence' | 'following' | 'series';

type Action = 'move' | 'save' | 'delete';

const QUESTION: Record<Action, { title: string; text: string }> = {
  move: { title: 'Move a recurring event', text: 'Move only this occurrence, this one and the following ones, or every occurrence of the series?' },
  save: { title: 'Change a recurring event', text: 'Save the changes to this occurrence only, to this one and the following ones, or to the whole series?' },
  delete: { title: 'Delete a recurring event', text: 'Cancel only this occurrence, delete this one and the following ones, or delete the whole series?' },
};

/**
 * Asks "this occurrence, this and following, or the whole series?" as
 * calendar apps do, and answers with a promise (null: the user backed out).
 * Render `dialog` once.
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
            <Button variant="light" onClick={() => answer('series')}>
              Whole series
            </Button>
            <Button variant="light" onClick={() => answer('following')}>
              This and following
            </Button>
            <Button data-autofocus onClick={() => answer('occurrence')}>
              This occurrence
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
  return { ask, dialog };
}
