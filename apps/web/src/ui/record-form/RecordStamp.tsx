import { Divider, Text } from '@mantine/core';
import { formatDateTime } from '../format';

/** Below a record's form: when it was made and last changed, and its version (what a 409 is about). */
export function RecordStamp({ record }: { record: { createdAt: string; updatedAt: string; version: number } }) {
  return (
    <>
      <Divider my="md" />
      <Text size="xs" c="dimmed">
        Created {formatDateTime(record.createdAt)} · Updated {formatDateTime(record.updatedAt)} · Version {record.version}
      </Text>
    </>
  );
}
