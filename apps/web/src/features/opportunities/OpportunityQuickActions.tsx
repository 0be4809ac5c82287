import { isClosedStage, nextStage } from '@crm/domain';
import { Button, Group, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../api/problem';
import { useCloseWon, useNextStage, type Opportunity } from './opportunity-actions';

interface QuickActionsProps {
  opportunity: Pick<Opportunity, 'id' | 'name' | 'stage'>;
  onLose: () => void;
}

/** Next stage / Won / Lost… on a list row, enabled per the domain rules. */
export function OpportunityQuickActions({ opportunity, onLose }: QuickActionsProps) {
  const next = useNextStage();
  const won = useCloseWon();
  const step = nextStage(opportunity.stage);
  const closed = isClosedStage(opportunity.stage);
  const fail = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) });
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Tooltip label={step.allowed ? `To ${step.stage}` : step.reason} withinPortal>
        <Button
          size="compact-xs"
          variant="default"
          disabled={!step.allowed}
          loading={next.isPending}
          onClick={() => void next.mutateAsync(opportunity.id).catch(fail)}
        >
          Next stage
        </Button>
      </Tooltip>
      <Button
        size="compact-xs"
        variant="light"
        color="green"
        disabled={closed}
        loading={won.isPending}
        // The row may leave the list once refetched: mutateAsync still settles when it unmounts.
        onClick={() => void won.mutateAsync(opportunity.id).then(() => notifications.show({ color: 'green', message: `${opportunity.name} won` }), fail)}
      >
        Won
      </Button>
      <Button size="compact-xs" variant="light" color="red" disabled={closed} onClick={onLose}>
        Lost…
      </Button>
    </Group>
  );
}
