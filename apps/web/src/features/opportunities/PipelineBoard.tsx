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
import { Badge, Box, Button, Card, Group, Loader, Paper, ScrollArea, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/problem';
import { formatDate, formatMoney } from '../../ui/format';
import { dropTarget, shouldLoadMore, type BoardMove } from './board-order';
import { LostReasonDialog } from './LostReasonDialog';
import { useColumn, useMoveOpportunity, usePipeline, type OpportunityCard, type PipelineTotal } from './opportunity-actions';
import { STAGES } from './opportunity-stage';

/** Card border by probability: red ≤25%, orange <50%, black <75%, green from 75%. */
export const BAND_COLORS: Record<ProbabilityBand, string> = {
  low: 'var(--mantine-color-red-filled)',
  medium: 'var(--mantine-color-orange-filled)',
  high: 'var(--mantine-color-black)',
  likely: 'var(--mantine-color-green-filled)',
};

function OpportunityCardBody({ card }: { card: OpportunityCard }) {
  return (
    <>
      <Text size="sm" fw={600} lineClamp={2}>
        {card.name}
      </Text>
      {card.partnerName && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {card.partnerName}
        </Text>
      )}
      <Group justify="space-between" gap={4} mt={4}>
        <Text size="xs" fw={500}>
          {formatMoney(card.amount, card.currency)}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDate(card.expectedCloseDate)}
        </Text>
      </Group>
    </>
  );
}

function cardStyle(card: OpportunityCard) {
  return { borderLeft: `4px solid ${BAND_COLORS[probabilityBand(card.probability)]}`, cursor: 'grab' } as const;
}

/** A first guess of a card's height (px) before it is measured, and the space between cards. */
const CARD_HEIGHT_ESTIMATE = 88;
const CARD_GAP = 6;

interface SortableCardProps {
  card: OpportunityCard;
  /** Place in the column, for the virtualiser's measurement. */
  index: number;
  /** Offset from the column's top, from the virtualiser. */
  top: number;
  measure: (node: HTMLElement | null) => void;
  onOpen: () => void;
}

/**
 * A card placed by the virtualiser (`top`) and moved by dnd-kit (`transform`):
 * dnd-kit measures cards without their transform, so the place must not be one.
 */
function SortableCard({ card, index, top, measure, onOpen }: SortableCardProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: card.id, data: { stage: card.stage } });
  const ref = useCallback(
    (node: HTMLDivElement | null) => {
      setNodeRef(node);
      measure(node);
    },
    [setNodeRef, measure],
  );
  return (
    <Card
      ref={ref}
      withBorder
      padding="xs"
      radius="sm"
      data-testid="opportunity-card"
      data-id={card.id}
      data-index={index}
      aria-label={card.name}
      style={{
        ...cardStyle(card),
        position: 'absolute',
        top,
        left: 0,
        right: 0,
        transform: CSS.Translate.toString(transform),
        transition,
        opacity: isDragging ? 0.4 : 1,
      }}
      onClick={onOpen}
      {...attributes}
      {...listeners}
    >
      <OpportunityCardBody card={card} />
    </Card>
  );
}

function ColumnTotals({ totals }: { totals: PipelineTotal[] }) {
  if (totals.length === 0)
    return (
      <Text size="xs" c="dimmed">
        0 · —
      </Text>
    );
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
  cards: OpportunityCard[];
  totals: PipelineTotal[];
  loading: boolean;
  hasMore: boolean;
  /** A fetch of this column is running (next page or refetch). */
  busy: boolean;
  loadingMore: boolean;
  /** The last next-page fetch failed: no automatic retry, the button is there. */
  loadFailed: boolean;
  /** TanStack's fetchNextPage: called without cancelling a fetch already running (a fast scroll asks several times). */
  onLoadMore: (options: { cancelRefetch: boolean }) => unknown;
  /** The card being dragged, kept rendered even when scrolled out of view. */
  activeId: string | null;
  onOpen: (id: string) => void;
}

/**
 * One stage: its cards are virtualised (only those in and near the visible
 * part of the column are in the page), and the next page loads as the user
 * scrolls near the bottom. The SortableContext holds every loaded id; only the
 * rendered cards are sortable nodes, and a drop on the column's own space
 * puts the card at the bottom of the loaded cards (board-order's dropTarget).
 */
function BoardColumn({ stage, cards, totals, loading, hasMore, busy, loadingMore, loadFailed, onLoadMore, activeId, onOpen }: ColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: `column:${stage}` });
  const ids = useMemo(() => cards.map((card) => card.id), [cards]);
  const count = totals.reduce((sum, total) => sum + total.count, 0);
  const viewportRef = useRef<HTMLDivElement>(null);
  const activeIndex = activeId === null ? -1 : ids.indexOf(activeId);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return activeIndex < 0 || indexes.includes(activeIndex) ? indexes : [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex],
  );
  // TanStack Virtual's useVirtualizer returns the same object on every render while what its methods answer changes,
  // so the React Compiler would leave this component unmemoized, and the rule warns of that. The build runs no
  // compiler: the component runs unmemoized either way, as it is written to.
  // eslint-disable-next-line react-hooks/incompatible-library -- useVirtualizer is incompatible with memoization by design
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => CARD_HEIGHT_ESTIMATE,
    gap: CARD_GAP,
    overscan: 5,
    getItemKey: (index) => ids[index] ?? index,
    rangeExtractor,
  });
  const rendered = virtualizer.getVirtualItems();
  const lastVisible = virtualizer.range?.endIndex;

  useEffect(() => {
    if (shouldLoadMore({ lastVisible, loaded: cards.length, hasMore, busy, failed: loadFailed })) void onLoadMore({ cancelRefetch: false });
  }, [lastVisible, cards.length, hasMore, busy, loadFailed, onLoadMore]);

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
      <ScrollArea.Autosize mah="calc(100vh - 270px)" type="auto" offsetScrollbars viewportRef={viewportRef}>
        <SortableContext id={stage} items={ids} strategy={verticalListSortingStrategy}>
          <div
            ref={setNodeRef}
            data-testid="column-cards"
            style={{ position: 'relative', height: virtualizer.getTotalSize(), minHeight: 80, marginBottom: 'var(--mantine-spacing-xs)' }}
          >
            {rendered.map((item) => {
              const card = cards[item.index];
              return card ? (
                <SortableCard
                  key={card.id}
                  card={card}
                  index={item.index}
                  top={item.start}
                  measure={virtualizer.measureElement}
                  onOpen={() => onOpen(card.id)}
                />
              ) : null;
            })}
          </div>
        </SortableContext>
        {loading && <Loader size="sm" mx="auto" display="block" />}
      </ScrollArea.Autosize>
      {hasMore && (
        <Button variant="subtle" size="xs" mt={4} onClick={() => void onLoadMore({ cancelRefetch: false })} loading={loadingMore}>
          Load more
        </Button>
      )}
    </Paper>
  );
}

/** The pipeline as a kanban: one column per stage, cards by rank, moved by drag and drop. */
export function PipelineBoard() {
  const navigate = useNavigate();
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
    OpportunityCard[]
  >;
  const move = useMoveOpportunity();
  const [dragging, setDragging] = useState<OpportunityCard | null>(null);
  const [losing, setLosing] = useState<{ move: BoardMove; name: string } | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

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
                busy={columns[stage].isFetching}
                loadingMore={columns[stage].isFetchingNextPage}
                loadFailed={columns[stage].isFetchNextPageError}
                onLoadMore={columns[stage].fetchNextPage}
                activeId={dragging?.id ?? null}
                onOpen={(id) => void navigate(`/opportunities/${id}`)}
              />
            ))}
          </Group>
        </ScrollArea>
        <DragOverlay>
          {dragging && (
            <Card withBorder padding="xs" radius="sm" shadow="md" style={cardStyle(dragging)}>
              <OpportunityCardBody card={dragging} />
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
