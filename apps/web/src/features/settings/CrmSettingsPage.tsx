import { Alert, Button, Card, Group, Loader, MultiSelect, NumberInput, PasswordInput, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { DEFAULT_STAGE_PROBABILITIES, OPPORTUNITY_STAGES, type OpportunityStage } from '@crm/domain';
import { useEffect, useState } from 'react';
import { useLookup } from '../../api/lookups';
import { useIsAdmin } from '../../api/session';
import { useCrmSettings, useUpdateCrmSettings, type CrmSettingsChanges } from '../../api/settings';
import { PageHeader } from '../../ui/PageHeader';
import { describeProblem } from '../../ui/record-form/problem-errors';
import { STAGES } from '../opportunities/opportunity-stage';

interface SettingsValues {
  closeOpportunityOnOrderConfirmation: boolean;
  displayCustomerDescriptionInOpportunity: boolean;
  customerAssignableTeamIds: string[];
  defaultCountry: string;
  stageProbabilities: Record<OpportunityStage, number>;
  smtpHost: string;
  smtpPort: number | '';
  smtpSecure: boolean;
  smtpUser: string;
  /** Empty: keep the stored password. */
  smtpPassword: string;
  smtpFrom: string;
}

const FIELD_NAMES = [
  'closeOpportunityOnOrderConfirmation',
  'displayCustomerDescriptionInOpportunity',
  'customerAssignableTeamIds',
  'defaultCountry',
  ...OPPORTUNITY_STAGES.map((stage) => `stageProbabilities.${stage}`),
  'smtpHost',
  'smtpPort',
  'smtpSecure',
  'smtpUser',
  'smtpPassword',
  'smtpFrom',
].map((name) => ({ name }));

const REGIONS = new Intl.DisplayNames(['en'], { type: 'region' });

/** "FR" → "France"; a code that is no region stays as typed. */
function countryName(code: string): string {
  try {
    return REGIONS.of(code.trim().toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** The CRM-wide options; admins change them, everyone else sees them read-only. */
export function CrmSettingsPage() {
  const settings = useCrmSettings();
  const teams = useLookup('/api/v1/teams');
  const update = useUpdateCrmSettings();
  const [summary, setSummary] = useState<string[]>([]);
  const readOnly = !useIsAdmin();
  const form = useForm<SettingsValues>({
    initialValues: {
      closeOpportunityOnOrderConfirmation: true,
      displayCustomerDescriptionInOpportunity: false,
      customerAssignableTeamIds: [],
      defaultCountry: 'FR',
      stageProbabilities: { ...DEFAULT_STAGE_PROBABILITIES },
      smtpHost: '',
      smtpPort: '',
      smtpSecure: false,
      smtpUser: '',
      smtpPassword: '',
      smtpFrom: '',
    },
  });

  const loaded = settings.data;
  useEffect(() => {
    if (!loaded) return;
    form.setValues({
      closeOpportunityOnOrderConfirmation: loaded.closeOpportunityOnOrderConfirmation,
      displayCustomerDescriptionInOpportunity: loaded.displayCustomerDescriptionInOpportunity,
      customerAssignableTeamIds: loaded.customerAssignableTeamIds,
      defaultCountry: loaded.defaultCountry,
      stageProbabilities: { ...form.values.stageProbabilities, ...loaded.stageProbabilities },
      smtpHost: loaded.smtpHost ?? '',
      smtpPort: loaded.smtpPort ?? '',
      smtpSecure: loaded.smtpSecure,
      smtpUser: loaded.smtpUser ?? '',
      smtpPassword: '',
      smtpFrom: loaded.smtpFrom ?? '',
    });
    form.resetDirty();
    // the form follows the loaded settings only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  if (settings.isLoading || !loaded) return <Loader />;

  const submit = (values: SettingsValues) => {
    setSummary([]);
    const changes: CrmSettingsChanges = {
      closeOpportunityOnOrderConfirmation: values.closeOpportunityOnOrderConfirmation,
      displayCustomerDescriptionInOpportunity: values.displayCustomerDescriptionInOpportunity,
      customerAssignableTeamIds: values.customerAssignableTeamIds,
      defaultCountry: values.defaultCountry.trim().toUpperCase(),
      stageProbabilities: values.stageProbabilities,
      smtpHost: values.smtpHost.trim() || null,
      smtpPort: values.smtpPort === '' ? null : values.smtpPort,
      smtpSecure: values.smtpSecure,
      smtpUser: values.smtpUser.trim() || null,
      smtpFrom: values.smtpFrom.trim() || null,
      ...(values.smtpPassword ? { smtpPassword: values.smtpPassword } : {}),
      version: loaded.version,
    };
    update.mutate(changes, {
      onSuccess: () => notifications.show({ color: 'green', message: 'CRM settings saved' }),
      onError: (error) => {
        const problem = describeProblem(error, FIELD_NAMES);
        form.setErrors(problem.fieldErrors);
        setSummary(problem.summary);
      },
    });
  };

  return (
    <Stack>
      <PageHeader title="CRM settings" />
      {readOnly && <Alert color="gray">Only an administrator can change these settings.</Alert>}
      {summary.length > 0 && (
        <Alert color="red" role="alert">
          {summary.map((message) => (
            <Text key={message} size="sm">
              {message}
            </Text>
          ))}
          {update.error && summary.some((m) => m.includes('changed by someone else')) && (
            <Button mt="xs" size="xs" variant="light" onClick={() => void settings.refetch()}>
              Reload
            </Button>
          )}
        </Alert>
      )}
      <form onSubmit={form.onSubmit(submit)}>
        <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack>
            <Card withBorder>
              <Title order={4} mb="sm">
                Customers and opportunities
              </Title>
              <Stack>
                <MultiSelect
                  label="Teams whose members may be assigned to customers"
                  description="Empty: anyone can be assigned."
                  data={teams.options}
                  searchable
                  {...form.getInputProps('customerAssignableTeamIds')}
                />
                <TextInput
                  label="Default country of phone numbers"
                  description={`Phones written without a country code are read in ${countryName(form.values.defaultCountry)} when duplicates are compared (an ISO code: FR, BE, US...).`}
                  maxLength={2}
                  w={360}
                  {...form.getInputProps('defaultCountry')}
                />
                <Switch
                  label="Show the customer's description on opportunities"
                  {...form.getInputProps('displayCustomerDescriptionInOpportunity', { type: 'checkbox' })}
                />
                <Switch
                  label="Close the opportunity as won when a linked order is confirmed"
                  {...form.getInputProps('closeOpportunityOnOrderConfirmation', { type: 'checkbox' })}
                />
              </Stack>
            </Card>
            <Card withBorder>
              <Title order={4} mb="sm">
                Default probability per stage (%)
              </Title>
              <SimpleGrid cols={{ base: 2, sm: 3 }}>
                {OPPORTUNITY_STAGES.map((stage) => (
                  <NumberInput key={stage} label={STAGES[stage].title} min={0} max={100} {...form.getInputProps(`stageProbabilities.${stage}`)} />
                ))}
              </SimpleGrid>
            </Card>
            <Card withBorder>
              <Title order={4} mb="sm">
                Outgoing email (SMTP)
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                Used for emails and reminders; the SMTP_URL environment variable, when set, wins.
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label="Server" placeholder="smtp.example.com" {...form.getInputProps('smtpHost')} />
                <NumberInput label="Port" placeholder="587" min={1} max={65535} {...form.getInputProps('smtpPort')} />
                <TextInput label="User name" {...form.getInputProps('smtpUser')} />
                <PasswordInput
                  label="SMTP password"
                  placeholder={loaded.smtpPasswordSet ? 'Stored: leave empty to keep it' : 'None stored'}
                  visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the characters' }}
                  {...form.getInputProps('smtpPassword')}
                />
                <TextInput label="Sender address" placeholder="crm@example.com" {...form.getInputProps('smtpFrom')} />
                <Switch mt="lg" label="TLS from the start (port 465)" {...form.getInputProps('smtpSecure', { type: 'checkbox' })} />
              </SimpleGrid>
            </Card>
            {!readOnly && (
              <Group>
                <Button type="submit" loading={update.isPending}>
                  Save settings
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
    </Stack>
  );
}
