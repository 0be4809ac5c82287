import { Alert, Button, FileInput, Group, Modal, Progress, Stack, Table, Text } from '@mantine/core';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportReport } from '../../api/files';
import { errorMessage, isApiError } from '../../api/problem';
import type { CollectionPath } from '../../api/resource-types';
import { useImport, type ImportProgress } from './use-import';

const numbers = new Intl.NumberFormat('en-US');

function RunningStep({ processed, expected }: { processed: number; expected: number | null }) {
  const percent = expected ? Math.min(100, Math.round((processed / Math.max(expected, 1)) * 100)) : null;
  return (
    <Stack gap="xs">
      <Progress value={percent ?? 100} animated striped={percent === null} aria-label="Import progress" />
      <Text size="sm" c="dimmed" aria-live="polite">
        {expected ? `${numbers.format(processed)} of about ${numbers.format(expected)} rows read` : `${numbers.format(processed)} rows read`}
      </Text>
    </Stack>
  );
}

/** One table row per refused field, so a line with two problems shows both. */
function RefusedLines({ report }: { report: ImportReport }) {
  const rows = report.refused.flatMap((line) => line.errors.map((error, index) => ({ key: `${line.line}-${index}`, line: line.line, ...error })));
  return (
    <Table.ScrollContainer minWidth={420} maxHeight={320}>
      <Table striped verticalSpacing={4} aria-label="Refused lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Line</Table.Th>
            <Table.Th>Field</Table.Th>
            <Table.Th>Message</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>{row.field}</Table.Td>
              <Table.Td>{row.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DoneStep({ report, noun }: { report: ImportReport; noun: string }) {
  return (
    <Stack gap="sm">
      <Alert color={report.refusedCount > 0 ? 'yellow' : 'green'} title="Import finished">
        Accepted: {numbers.format(report.accepted)} · Refused: {numbers.format(report.refusedCount)}
        {report.refusedCount > 0 ? ` (the refused lines below were not imported; the accepted ${noun} were).` : ''}
      </Alert>
      {report.refused.length > 0 && <RefusedLines report={report} />}
      {report.refused.length < report.refusedCount && (
        <Text size="xs" c="dimmed">
          The first {report.refused.length} refused lines are listed.
        </Text>
      )}
    </Stack>
  );
}

function FailedStep({ error }: { error: unknown }) {
  // A 400 refuses the whole file (an unknown column): its field errors say which.
  const details = isApiError(error) ? error.fieldErrors.map((fieldError) => `${fieldError.field}: ${fieldError.message}`) : [];
  return (
    <Alert color="red" title="Nothing was imported" role="alert">
      <Text size="sm">{errorMessage(error)}</Text>
      {details.map((detail) => (
        <Text size="sm" key={detail}>
          {detail}
        </Text>
      ))}
    </Alert>
  );
}

function StepBody({ progress, noun }: { progress: ImportProgress; noun: string }) {
  switch (progress.step) {
    case 'running':
      return <RunningStep processed={progress.processed} expected={progress.expected} />;
    case 'done':
      return <DoneStep report={progress.report} noun={noun} />;
    case 'failed':
      return <FailedStep error={progress.error} />;
    default:
      return null;
  }
}

interface ImportDialogProps {
  base: CollectionPath;
  importPath: string;
  /** Plural noun: "leads". */
  noun: string;
  opened: boolean;
  onClose: () => void;
}

/** Choose a CSV file, watch it import, then read what was accepted and which lines were refused. */
export function ImportDialog({ base, importPath, noun, opened, onClose }: ImportDialogProps) {
  const [file, setFile] = useState<File | null>(null);
  const { progress, start, reset } = useImport(base, importPath);
  const close = () => {
    // Closing while it runs only stops watching: the API finishes the import.
    reset();
    setFile(null);
    onClose();
  };
  const choosing = progress.step === 'choose';

  return (
    <Modal opened={opened} onClose={close} title={`Import ${noun}`} size="lg" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file && choosing) start(file);
        }}
      >
        <Stack gap="md">
          <FileInput
            label="CSV file"
            description={`A header row naming the ${noun}' fields; a file exported from this list imports as it is.`}
            placeholder="Choose a .csv file"
            accept=".csv,text/csv"
            leftSection={<IconFileTypeCsv size={16} />}
            value={file}
            onChange={setFile}
            disabled={!choosing}
            clearable
            data-autofocus
          />
          <StepBody progress={progress} noun={noun} />
          <Group justify="flex-end" gap="sm">
            {progress.step === 'done' || progress.step === 'failed' ? (
              <>
                <Button variant="default" onClick={() => reset()}>
                  Import another file
                </Button>
                <Button onClick={close}>Close</Button>
              </>
            ) : (
              <>
                <Button variant="default" onClick={close}>
                  Cancel
                </Button>
                <Button type="submit" disabled={!file} loading={progress.step === 'running'}>
                  Import
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
