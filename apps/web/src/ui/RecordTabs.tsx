import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';

interface RecordTab {
  value: string;
  label: string;
  /** Rendered only while the tab is shown, so a tab's data loads when it is opened. */
  render: () => ReactNode;
}

/** A record page's tabs; the open one is in the URL (`?tab=timeline`) so it can be linked to and survives a reload. */
export function RecordTabs({ tabs }: { tabs: RecordTab[] }) {
  const [params, setParams] = useSearchParams();
  const first = tabs[0].value;
  const requested = params.get('tab');
  const current = tabs.some((tab) => tab.value === requested) ? requested! : first;
  const select = (value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (!value || value === first) next.delete('tab');
        else next.set('tab', value);
        return next;
      },
      { replace: true },
    );

  return (
    <Tabs value={current} onChange={select} keepMounted={false}>
      <Tabs.List mb="md">
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value}>
          {tab.value === current && tab.render()}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
