import { Alert, List, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';

/** How the API counts each measure, in a few lines; the difference from Axelor (won deals by the day won) is said plainly. */
export function HowItCounts({ timeZone, currency }: { timeZone?: string; currency?: string }) {
  return (
    <Alert variant="light" color="gray" icon={<IconInfoCircle />} title="How progress counts">
      <List size="sm" spacing={2}>
        <List.Item>Opportunities count on the day they were created.</List.Item>
        <List.Item>
          Won deals (amount won, opportunities won) count on the day they were won, not on the day they were created as Axelor counted them.
        </List.Item>
        <List.Item>Calls: outgoing calls held. Meetings: meetings held. Planned or cancelled ones do not count.</List.Item>
        <List.Item>A team’s objective counts its members’ records.</List.Item>
        <List.Item>
          Amounts are in {currency ?? 'the objective’s currency'}; deals won in another currency are listed apart and never converted or added in.
        </List.Item>
      </List>
      {timeZone && (
        <Text size="xs" c="dimmed" mt="xs">
          Days and periods follow the calendar of {timeZone} (CRM settings). Figures are computed from the records when the page loads.
        </Text>
      )}
    </Alert>
  );
}
