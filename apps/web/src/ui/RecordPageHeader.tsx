import { Anchor, Breadcrumbs, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface Crumb {
  label: string;
  to: string;
}

/**
 * The top of a record's page: the way back (the list, and any record above
 * it), then the record's title with its status badge and a dimmed line
 * that says what it is. The same on every record page.
 */
export function RecordPageHeader(props: { trail: Crumb[]; current: string; title: ReactNode; badge?: ReactNode; subtitle?: ReactNode }) {
  const { trail, current, title, badge, subtitle } = props;
  return (
    <>
      <Breadcrumbs>
        {trail.map((crumb) => (
          <Anchor key={crumb.to} component={Link} to={crumb.to}>
            {crumb.label}
          </Anchor>
        ))}
        <Text>{current}</Text>
      </Breadcrumbs>
      <div>
        <Group gap="sm">
          <Title order={2}>{title}</Title>
          {badge}
        </Group>
        {subtitle && (
          <Text c="dimmed" size="sm" component="div">
            {subtitle}
          </Text>
        )}
      </div>
    </>
  );
}
