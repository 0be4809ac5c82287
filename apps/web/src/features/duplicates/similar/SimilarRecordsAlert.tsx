import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconCopy, IconExternalLink } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** One existing record as the warning lists it. */
export interface SimilarMatch {
  id: string;
  label: string;
  /** The record's page; opened in a new tab so the form being typed stays as it is. */
  href: string;
  /** What helps recognise it: email, phone, city... */
  detail?: string;
  /** How alike, 0 to 1. */
  score: number;
}

/** The most matches listed: past a handful the warning stops being read. */
export const MAX_SIMILAR_SHOWN = 5;

/** "Exact match" for a score of 1, else the score as a percentage ("82% match", never a rounded-up 100%). */
export function scoreLabel(score: number): string {
  if (score >= 1) return 'Exact match';
  return `${Math.min(99, Math.round(score * 100))}% match`;
}

interface SimilarRecordsAlertProps {
  title: string;
  matches: SimilarMatch[];
  /** Below the list; by default a reminder that saving is still possible. */
  hint?: ReactNode;
}

/**
 * "This looks like an existing record": a yellow, polite warning next to a
 * form (role status, not alert: it appears while typing and blocks nothing).
 * Nothing when there is no match.
 */
export function SimilarRecordsAlert({
  title,
  matches,
  hint = 'Open one to check before creating another; you can still save this one.',
}: SimilarRecordsAlertProps) {
  if (matches.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconCopy />} title={title} role="status">
      <Stack gap={6}>
        <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
          {matches.slice(0, MAX_SIMILAR_SHOWN).map((match) => (
            // Wraps rather than truncates: in a narrow dialog the detail goes under the name.
            <Group component="li" key={match.id} gap="xs" align="baseline" style={{ rowGap: 0 }}>
              <Anchor href={match.href} target="_blank" rel="noopener noreferrer" title="Opens in a new tab" size="sm" fw={500}>
                {match.label}
                <IconExternalLink size={12} style={{ marginLeft: 4, verticalAlign: 'middle' }} aria-hidden />
              </Anchor>
              <Badge size="xs" variant="light" color={match.score >= 1 ? 'orange' : 'yellow'} tt="none" miw="max-content">
                {scoreLabel(match.score)}
              </Badge>
              {match.detail && (
                <Text size="xs" c="dimmed">
                  {match.detail}
                </Text>
              )}
            </Group>
          ))}
        </Stack>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
