import { ActionIcon, Alert, Button, Card, Code, CopyButton, Group, Modal, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../api/problem';
import { useApiTokens, useCreateApiToken, useRevokeApiToken, type ApiToken, type CreatedApiToken } from '../../api/tokens';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDate, formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { describeProblem } from '../../ui/record-form/problem-errors';

interface TokenFormValues {
  name: string;
  expiresOn: string | null;
}

function NewTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const create = useCreateApiToken();
  const [summary, setSummary] = useState<string[]>([]);
  const form = useForm<TokenFormValues>({
    initialValues: { name: '', expiresOn: null },
    validate: { name: (value) => (value.trim() ? null : 'Name is required') },
  });

  const submit = (values: TokenFormValues) => {
    setSummary([]);
    // The token works through the whole chosen day.
    const expiresAt = values.expiresOn ? dayjs(values.expiresOn).endOf('day').toISOString() : undefined;
    create.mutate(
      { name: values.name.trim(), expiresAt },
      {
        onSuccess: (token) => {
          form.reset();
          onCreated(token);
        },
        onError: (error) => {
          const problem = describeProblem(error, [
            { name: 'name', label: 'Name', kind: 'text' },
            { name: 'expiresAt', label: 'Expires on', kind: 'date' },
          ]);
          form.setErrors({ name: problem.fieldErrors.name, expiresOn: problem.fieldErrors.expiresAt });
          setSummary(problem.summary);
        },
      },
    );
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        {summary.length > 0 && <Alert color="red">{summary.join(' ')}</Alert>}
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Name" placeholder="What is it for?" withAsterisk {...form.getInputProps('name')} w={260} />
          <DateInput
            label="Expires on"
            placeholder="Never"
            clearable
            minDate={dayjs().format('YYYY-MM-DD')}
            valueFormat="YYYY-MM-DD"
            {...form.getInputProps('expiresOn')}
            w={180}
          />
          <Button type="submit" loading={create.isPending} leftSection={<IconKey size={16} />}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SecretModal({ token, onClose }: { token: CreatedApiToken | null; onClose: () => void }) {
  return (
    <Modal opened={token !== null} onClose={onClose} title="Your new API token" size="lg" centered>
      {token && (
        <Stack>
          <Text size="sm">
            Copy it now: it will not be shown again. Send it as <Code>Authorization: Bearer &lt;token&gt;</Code>.
          </Text>
          <Group wrap="nowrap" gap="xs">
            <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="token-secret">
              {token.token}
            </Code>
            <CopyButton value={token.token}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy'}>
                  <ActionIcon variant="light" color={copied ? 'green' : undefined} onClick={copy} aria-label="Copy token">
                    {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function TokenTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  if (tokens.length === 0)
    return (
      <Text c="dimmed" size="sm">
        You have no API tokens.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>{formatDate(token.createdAt)}</Table.Td>
              <Table.Td>{token.expiresAt ? formatDate(token.expiresAt) : 'Never'}</Table.Td>
              <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                <Button size="xs" variant="subtle" color="red" onClick={() => onRevoke(token)}>
                  Revoke
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Personal API tokens for integrations: the secret is shown once, at creation. */
export function TokensPage() {
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const confirmRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: 'Token revoked' });
        setRevoking(null);
      },
    });
  };

  return (
    <>
      <PageHeader title="My API tokens" />
      <Stack>
        <Card withBorder>
          <NewTokenForm onCreated={setCreated} />
        </Card>
        <Card withBorder>
          {tokens.isPending ? (
            <Text size="sm">Loading…</Text>
          ) : tokens.isError ? (
            <Alert color="red">
              {errorMessage(tokens.error)}{' '}
              <Button size="xs" variant="white" onClick={() => void tokens.refetch()}>
                Retry
              </Button>
            </Alert>
          ) : (
            <TokenTable
              tokens={tokens.data}
              onRevoke={(token) => {
                revoke.reset();
                setRevoking(token);
              }}
            />
          )}
        </Card>
      </Stack>
      <SecretModal token={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke token"
        message={revoking ? `Revoke "${revoking.name}"? Integrations using it stop working at once.` : ''}
        confirmLabel="Revoke"
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
        loading={revoke.isPending}
        error={revoke.error}
      />
    </>
  );
}
