import { Autocomplete, Button, Fieldset, Group, Input, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { OBJECTIVE_FREQUENCIES, OBJECTIVE_MEASURES } from '@crm/domain';
import { useState } from 'react';
import type { SelectOption } from '../../api/lookups';
import { describeProblem, type FormProblem } from '../../ui/record-form/problem-errors';
import { ProblemAlert } from '../../ui/record-form/ProblemAlert';
import { OBJECTIVE_FIELDS, objectiveBody, toFormValues, validateObjective, type ObjectiveFormValues } from './objective-form-values';
import { FREQUENCY_LABELS, MEASURES, type Objective } from './objective-progress';
import { useSaveObjective, type CreateObjectiveBody, type UpdateObjectiveBody } from './objectives-api';

const FREQUENCY_OPTIONS = OBJECTIVE_FREQUENCIES.map((frequency) => ({
  value: frequency,
  label: frequency === 'none' ? 'None (one period: the whole range)' : FREQUENCY_LABELS[frequency],
}));

/** Suggestions only: any ISO 4217 code is taken (the API checks it). */
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'JPY', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'CNY', 'INR', 'BRL', 'MXN'];

interface ObjectiveFormProps {
  /** The loaded objective to edit (its current version); null: a new one. */
  objective: Objective | null;
  users: SelectOption[];
  teams: SelectOption[];
  onDone: (saved: Objective) => void;
  onCancel: () => void;
  /** The objective changed meanwhile (409): load it again. */
  onReload: () => void;
}

/** An objective: for whom, over which days split how, in which currency, and the targets of each period. */
export function ObjectiveForm({ objective, users, teams, onDone, onCancel, onReload }: ObjectiveFormProps) {
  const [initial] = useState(() => toFormValues(objective));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const save = useSaveObjective();
  const form = useForm<ObjectiveFormValues>({ mode: 'controlled', initialValues: initial, validate: validateObjective });
  const currency = form.values.currency.trim().toUpperCase() || 'the currency';

  const submit = (values: ObjectiveFormValues) => {
    setProblem(null);
    const body = objectiveBody(values, initial, objective);
    const request = objective
      ? { kind: 'update' as const, id: objective.id, body: body as UpdateObjectiveBody }
      : { kind: 'create' as const, body: body as CreateObjectiveBody };
    save.mutate(request, {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', message: objective ? 'Objective saved' : 'Objective created' });
        onDone(saved);
      },
      onError: (error) => {
        const described = describeProblem(error, OBJECTIVE_FIELDS);
        const errors = { ...described.fieldErrors };
        // "give userId or teamId" lands on the one the form shows.
        const whom = values.forWhom === 'team' ? 'teamId' : 'userId';
        const other = values.forWhom === 'team' ? 'userId' : 'teamId';
        if (errors[other]) errors[whom] = errors[whom] ? `${errors[whom]}; ${errors[other]}` : errors[other];
        form.setErrors(errors);
        setProblem(described.summary.length > 0 ? described : null);
      },
    });
  };

  const targetsError = form.errors.targets;

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        {problem && <ProblemAlert problem={problem} onReload={onReload} />}
        <TextInput label="Name" placeholder="Q1 new business" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Input.Wrapper label="For" withAsterisk>
          <SegmentedControl
            fullWidth
            aria-label="For"
            data={[
              { value: 'user', label: 'A salesperson' },
              { value: 'team', label: 'A team' },
            ]}
            {...form.getInputProps('forWhom')}
          />
        </Input.Wrapper>
        {form.values.forWhom === 'user' ? (
          <Select
            label="Salesperson"
            description="Their own records count"
            data={users}
            searchable
            withAsterisk
            allowDeselect={false}
            {...form.getInputProps('userId')}
          />
        ) : (
          <Select
            label="Team"
            description="Its members' records count"
            data={teams}
            searchable
            withAsterisk
            allowDeselect={false}
            {...form.getInputProps('teamId')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Select
            label="Frequency"
            description="The targets apply to each period"
            data={FREQUENCY_OPTIONS}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('frequency')}
          />
          <DateInput label="First day" description="Included" valueFormat="YYYY-MM-DD" withAsterisk {...form.getInputProps('from')} />
          <DateInput label="Last day" description="Included" valueFormat="YYYY-MM-DD" withAsterisk {...form.getInputProps('to')} />
        </SimpleGrid>
        <Autocomplete
          label="Currency"
          description="ISO code of the amount target; deals won in other currencies are shown apart, never added in"
          data={CURRENCIES}
          maxLength={3}
          withAsterisk
          {...form.getInputProps('currency')}
        />
        <Fieldset legend="Targets per period (leave empty what is not aimed at)" aria-describedby={targetsError ? 'objective-targets-error' : undefined}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {OBJECTIVE_MEASURES.map((measure) =>
              measure === 'amountWon' ? (
                <TextInput
                  key={measure}
                  label={`${MEASURES[measure].label} (${currency})`}
                  description={MEASURES[measure].description}
                  placeholder="50000.00"
                  inputMode="decimal"
                  autoComplete="off"
                  rightSection={
                    <Text size="xs" c="dimmed">
                      {form.values.currency.trim().toUpperCase()}
                    </Text>
                  }
                  rightSectionWidth={48}
                  {...form.getInputProps(`targets.${measure}`)}
                />
              ) : (
                <NumberInput
                  key={measure}
                  label={`${MEASURES[measure].label} (number)`}
                  description={MEASURES[measure].description}
                  min={0}
                  max={1_000_000}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator=","
                  {...form.getInputProps(`targets.${measure}`)}
                />
              ),
            )}
          </SimpleGrid>
          {targetsError && (
            <Text id="objective-targets-error" c="red" size="sm" mt="sm" role="alert">
              {targetsError}
            </Text>
          )}
        </Fieldset>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {objective ? 'Save' : 'Create'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
