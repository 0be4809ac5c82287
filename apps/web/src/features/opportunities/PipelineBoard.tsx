import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { OPPORTUNITY_STAGES, probabilityBand, type OpportunityStage, type ProbabilityBand } from '@crm/domain';
import { Badge, Box, Button, Card, Group, Loader, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useLookup } from '../../api/lookups';
import { errorMessage } from '../../api/problem';
import { formatDate, formatMoney } from '../../ui/format';
import { dropTarget, type BoardMove } from './board-order';
import { LostReasonDialog } from './LostReasonDialog';
import { useColumn, useMoveOpportunity, usePipeline, type Opportunity, type PipelineTotal } from './opportunity-actions';
import { STAGES } from './opportunity-stage';

/** Card border by probability: red ≤25%, orange <50%, black <75%, green from 75%. */
export const BAND_COLORS: Record<ProbabilityBand, string> = {
  low: 'var(--mantine-color-red-filled)',
  medium: 'var(--mantine-color-orange-filled)',
  high: 'var(--mantine-color-black)',
  likely: 'var(--mantine-color-green-filled)',
};

function OpportunityCardBody({ opportunity, partnerName }: { opportunity: Opportunity; partnerName: string | undefined }) {
  return (
    <>
      <Text size="sm" fw={600} lineClamp={2}>
        {opportunity.name}
      </Text>
      {partnerName && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {partnerName}
        </Text>
      )}
      <Group justify="space-between" gap={4} mt={4}>
        <Text size="xs" fw={500}>
          {formatMoney(opportunity.amount, opportunity.currency)}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDate(opportunity.expectedCloseDate)}
        </Text>
      </Group>
    </>
  );
}

function cardStyle(opportunity: Opportunity) {
  return { borderLeft: `4px solid ${BAND_COLORS[probabilityBand(opportunity.probability)]}`, cursor: 'grab' } as const;
}

function SortableCard({ opportunity, partnerName, onOpen }: { opportunity: Opportunity; partnerName: string | undefined; onOpen: () => void }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: opportunity.id, data: { stage: opportunity.stage } });
  return (
    <Card
      ref={setNodeRef}
      withBorder
      padding="xs"
      radius="sm"
      data-testid="opportunity-card"
      data-id={opportunity.id}
      aria-label={opportunity.name}
      style={{ ...cardStyle(opportunity), transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.4 : 1 }}
      onClick={onOpen}
      {...attributes}
      {...listeners}
    >
      <OpportunityCardBody opportunity={opportunity} partnerName={partnerName} />
    </Card>
  );
}

function ColumnTotals({ totals }: { totals: PipelineTotal[] }) {
  if (totals.length === 0) return <Text size="xs" c="dimmed">0 · —</Text>;
  return (
    <>
      {totals.map((total) => (
        <Text key={total.currency} size="xs" c="dimmed" data-testid="column-totals">
          {total.count} · {formatMoney(total.amount, total.currency)} · weighted {formatMoney(total.weightedAmount, total.currency)}
        </Text>
      ))}
    </>
  );
}

interface ColumnProps {
  stage: OpportunityStage;
  cards: Opportunity[];
  totals: PipelineTotal[];
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  partnerName: (id: string | null) => string | undefined;
  onOpen: (id: string) => void;
}

function BoardColumn({ stage, cards, totals, loading, hasMore, loadingMore, onLoadMore, partnerName, onOpen }: ColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: `column:${stage}` });
  const ids = useMemo(() => cards.map((card) => card.id), [cards]);
  const count = totals.reduce((sum, total) => sum + total.count, 0);
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      w={260}
      miw={260}
      bg={isOver ? 'var(--mantine-color-gray-1)' : 'var(--mantine-color-gray-0)'}
      role="region"
      aria-label={STAGES[stage].title}
      data-stage={stage}
      style={{ display: 'flex', flexDirection: 'column', maxHeight: 'calc(100vh - 190px)' }}
    >
      <Box mb="xs">
        <Group justify="space-between" gap={4}>
          <Text fw={700} size="sm">
            {STAGES[stage].title}
          </Text>
          <Badge color={STAGES[stage].color} variant="light" data-testid="column-count">
            {count}
          </Badge>
        </Group>
        <ColumnTotals totals={totals} />
      </Box>
      <ScrollArea.Autosize mah="calc(100vh - 270px)" type="auto" offsetScrollbars>
        <SortableContext id={stage} items={ids} strategy={verticalListSortingStrategy}>
          <Stack ref={setNodeRef} gap={6} mih={80} pb="xs">
            {cards.map((card) => (
              <SortableCard key={card.id} opportunity={card} partnerName={partnerName(card.partnerId)} onOpen={() => onOpen(card.id)} />
            ))}
            {loading && <Loader size="sm" mx="auto" />}
            {hasMore && (
              <Button variant="subtle" size="xs" onClick={onLoadMore} loading={loadingMore}>
                Load more
              </Button>
            )}
          </Stack>
        </SortableContext>
      </ScrollArea.Autosize>
    </Paper>
  );
}

/** The pipeline as a kanban: one column per stage, cards by rank, moved by drag and drop. */
export function PipelineBoard() {
  const navigate = useNavigate();
  const partners = useLookup('/api/v1/partners');
  const pipeline = usePipeline({ groupBy: 'stage' });
  const columns = {
    new: useColumn('new'),
    qualification: useColumn('qualification'),
    proposition: useColumn('proposition'),
    negotiation: useColumn('negotiation'),
    closed_won: useColumn('closed_won'),
    closed_lost: useColumn('closed_lost'),
  } satisfies Record<OpportunityStage, ReturnType<typeof useColumn>>;
  const board = Object.fromEntries(OPPORTUNITY_STAGES.map((stage) => [stage, columns[stage].data?.pages.flatMap((page) => page.items) ?? []])) as Record<
    OpportunityStage,
    Opportunity[]
  >;
  const move = useMoveOpportunity();
  const [dragging, setDragging] = useState<Opportunity | null>(null);
  const [losing, setLosing] = useState<{ move: BoardMove; name: string } | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const doMove = (variables: { move: BoardMove; lostReasonId?: string }) =>
    move.mutateAsync(variables).catch((error: unknown) => {
      notifications.show({ color: 'red', title: 'The card cannot move there', message: errorMessage(error) });
      throw error;
    });

  const findCard = (id: string) => OPPORTUNITY_STAGES.flatMap((stage) => board[stage]).find((card) => card.id === id);

  const onDragStart = (event: DragStartEvent) => setDragging(findCard(String(event.active.id)) ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    if (!event.over) return;
    const card = findCard(String(event.active.id));
    const target = dropTarget(board, String(event.over.id));
    if (!card || !target) return;
    const from = card.stage;
    // Dropped on its own column's empty space: the bottom, counted without the card itself.
    const index = target.stage === from && String(event.over.id).startsWith('column:') ? board[from].length - 1 : target.index;
    if (target.stage === from && board[from][index]?.id === card.id) return;
    const next: BoardMove = { id: card.id, from, to: target.stage, index };
    if (target.stage === 'closed_lost' && from !== 'closed_lost') {
      setLosing({ move: next, name: card.name });
      return;
    }
    void doMove({ move: next }).catch(() => undefined);
  };

  const totalsOf = (stage: OpportunityStage) => pipeline.data?.groups.filter((group) => group.key === stage) ?? [];

  return (
    <>
      <DndContext sensors={sensors} collisionDetection={closestCorners} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
        <ScrollArea type="auto" offsetScrollbars>
          <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
            {OPPORTUNITY_STAGES.map((stage) => (
              <BoardColumn
                key={stage}
                stage={stage}
                cards={board[stage]}
                totals={totalsOf(stage)}
                loading={columns[stage].isPending}
                hasMore={columns[stage].hasNextPage}
                loadingMore={columns[stage].isFetchingNextPage}
                onLoadMore={() => void columns[stage].fetchNextPage()}
                partnerName={partners.nameOf}
                onOpen={(id) => void navigate(`/opportunities/${id}`)}
              />
            ))}
          </Group>
        </ScrollArea>
        <DragOverlay>
          {dragging && (
            <Card withBorder padding="xs" radius="sm" shadow="md" style={cardStyle(dragging)}>
              <OpportunityCardBody opportunity={dragging} partnerName={partners.nameOf(dragging.partnerId)} />
            </Card>
          )}
        </DragOverlay>
      </DndContext>
      <LostReasonDialog
        opened={losing !== null}
        name={losing?.name ?? ''}
        withNote={false}
        onClose={() => setLosing(null)}
        onSubmit={({ lostReasonId }) => (losing ? move.mutateAsync({ move: losing.move, lostReasonId }) : Promise.resolve())}
      />
    </>
  );
}
