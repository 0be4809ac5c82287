import { quotationTransition } from '@crm/domain';
import { ActionIcon, Alert, Button, Card, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../api/problem';
import { RecordPageHeader } from '../../ui/RecordPageHeader';
import { ActionButton } from '../../ui/ActionButton';
import { formatMoney } from '../../ui/format';
import { useQuotation, useQuotationAction, useSaveQuotation, type Quotation, type QuotationAction } from './quotation-actions';
import { draftsOf, editorTotals, newLine, patchLines, type LineDraft } from './quotation-lines';
import { QuotationStatusBadge } from './quotation-status';

const NUMBER_FIELDS: { field: keyof Omit<LineDraft, 'key' | 'description'>; label: string }[] = [
  { field: 'quantity', label: 'Quantity' },
  { field: 'unitPrice', label: 'Unit price' },
  { field: 'discountPercent', label: 'Discount %' },
  { field: 'taxRate', label: 'Tax %' },
];

function QuotationEditor({ quotation }: { quotation: Quotation }) {
  // The lines as edited; null while unchanged, when the editor shows the quotation's own lines and so
  // follows a newer version from the server (after an action).
  const [edited, setEdited] = useState<LineDraft[] | null>(null);
  const lines = edited ?? draftsOf(quotation.lines);
  const dirty = edited !== null;
  const editLines = (update: (current: LineDraft[]) => LineDraft[]) => setEdited((current) => update(current ?? draftsOf(quotation.lines)));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSaveQuotation();
  const act = useQuotationAction();
  const editable = quotationTransition(quotation.status, 'edit').allowed;
  const totals = editorTotals(lines);

  const change = (key: string, patch: Partial<LineDraft>) => editLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  const onSave = () => {
    setProblem(null);
    save.mutate(
      { id: quotation.id, body: { lines: patchLines(lines), version: quotation.version } },
      {
        // the saved quotation is the query's data by now (useSaveQuotation puts it there): the editor shows its lines
        onSuccess: () => {
          setEdited(null);
          notifications.show({ color: 'green', message: 'Quotation saved' });
        },
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };
  const doAction = (action: QuotationAction, message: string) => {
    setProblem(null);
    act.mutate(
      { id: quotation.id, action },
      { onSuccess: () => notifications.show({ color: 'green', message }), onError: (error) => setProblem(errorMessage(error)) },
    );
  };
  const reason = (action: QuotationAction) => {
    if (dirty) return 'Save the lines first.';
    const result = quotationTransition(quotation.status, action);
    return result.allowed ? null : result.reason;
  };

  return (
    <Stack gap="md">
      <Group gap="sm">
        <ActionButton
          onClick={onSave}
          loading={save.isPending}
          disabledReason={editable ? (dirty ? null : 'No changes to save.') : 'Only a draft can be edited.'}
        >
          Save
        </ActionButton>
        <ActionButton variant="default" onClick={() => doAction('send', 'Quotation sent')} disabledReason={reason('send')}>
          Send
        </ActionButton>
        <ActionButton color="green" onClick={() => doAction('confirm', 'Quotation confirmed')} disabledReason={reason('confirm')}>
          Confirm
        </ActionButton>
        <ActionButton color="red" variant="light" onClick={() => doAction('cancel', 'Quotation cancelled')} disabledReason={reason('cancel')}>
          Cancel quotation
        </ActionButton>
        <Button variant="default" component="a" href={`/api/v1/quotations/${quotation.id}/report.pdf`} target="_blank" rel="noopener">
          Print
        </Button>
      </Group>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <Card withBorder padding="sm">
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing={4} aria-label="Lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Description</Table.Th>
                {NUMBER_FIELDS.map(({ label }) => (
                  <Table.Th key={label} w={110}>
                    {label}
                  </Table.Th>
                ))}
                <Table.Th ta="right">Net</Table.Th>
                <Table.Th ta="right">Total</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line, index) => (
                <Table.Tr key={line.key} data-testid="quotation-line">
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={`Description, line ${index + 1}`}
                      value={line.description}
                      readOnly={!editable}
                      onChange={(event) => change(line.key, { description: event.currentTarget.value })}
                    />
                  </Table.Td>
                  {NUMBER_FIELDS.map(({ field, label }) => (
                    <Table.Td key={field}>
                      <TextInput
                        size="xs"
                        inputMode="decimal"
                        aria-label={`${label}, line ${index + 1}`}
                        value={line[field]}
                        readOnly={!editable}
                        onChange={(event) => change(line.key, { [field]: event.currentTarget.value })}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(totals.lines[index]?.net, quotation.currency)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(totals.lines[index]?.total, quotation.currency)}
                  </Table.Td>
                  <Table.Td>
                    {editable && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove line ${index + 1}`}
                        onClick={() => editLines((current) => current.filter((other) => other.key !== line.key))}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {lines.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            No lines yet.
          </Text>
        )}
        {editable && (
          <Group mt="xs">
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => editLines((current) => [...current, newLine()])}>
              Add line
            </Button>
          </Group>
        )}
        <Stack gap={2} align="flex-end" mt="sm" data-testid="quotation-totals">
          <Text size="sm">Untaxed: {formatMoney(totals.untaxed, quotation.currency)}</Text>
          <Text size="sm">Tax: {formatMoney(totals.tax, quotation.currency)}</Text>
          <Text fw={700}>Total: {formatMoney(totals.total, quotation.currency)}</Text>
        </Stack>
      </Card>
    </Stack>
  );
}

export function QuotationPage() {
  const { id = '' } = useParams();
  const { data: quotation, isPending, error } = useQuotation(id);
  if (isPending) return <Loader />;
  if (error || !quotation)
    return (
      <Alert color="red" role="alert">
        {errorMessage(error)}
      </Alert>
    );
  return (
    <Stack gap="md">
      <RecordPageHeader
        trail={[
          { label: 'Opportunities', to: '/opportunities' },
          ...(quotation.opportunityId ? [{ label: 'Opportunity', to: `/opportunities/${quotation.opportunityId}` }] : []),
        ]}
        current={quotation.number}
        title={`Quotation ${quotation.number}`}
        badge={<QuotationStatusBadge status={quotation.status} />}
      />
      <QuotationEditor key={quotation.id} quotation={quotation} />
    </Stack>
  );
}
