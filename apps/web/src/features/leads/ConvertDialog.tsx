import { Fieldset, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useLookup } from '../../api/lookups';
import { FormDialog } from '../../ui/FormDialog';
import { RemoteSelect } from '../../ui/RemoteSelect';
import { describeProblem } from '../../ui/record-form/problem-errors';
import { ConversionPartnerNotice } from '../duplicates/similar/create-form-notices';
import { fullName } from './lead-fields';
import { useConvertLead, type ConversionResult, type Lead } from './lead-actions';
import { buildConvertRequest, CONVERT_FIELD_NAMES, initialConvertValues, partnerIsIndividual, validateConvert, type ConvertValues } from './convert-request';

type ConvertForm = UseFormReturnType<ConvertValues>;

const API_FIELDS = Object.keys(CONVERT_FIELD_NAMES).map((name) => ({ name }));

function PartnerSection({ form, lead }: { form: ConvertForm; lead: Lead }) {
  const { values } = form;
  return (
    <Fieldset legend="Partner">
      <Stack gap="sm">
        <Radio.Group
          label="The lead becomes"
          value={values.partnerMode}
          onChange={(mode) => {
            form.setFieldValue('partnerMode', mode === 'existing' ? 'existing' : 'new');
            // An existing contact belongs to an existing partner.
            if (values.contactMode === 'existing') form.setFieldValue('contactMode', 'new');
          }}
        >
          <Group gap="lg" mt={4}>
            <Radio value="new" label="A new partner" data-autofocus />
            <Radio value="existing" label="An existing partner" />
          </Group>
        </Radio.Group>
        {values.partnerMode === 'new' && <ConversionPartnerNotice lead={lead} kind={values.partnerKind} />}
        {values.partnerMode === 'new' ? (
          <Group gap="xl" align="flex-start">
            <Radio.Group
              label="Kind"
              value={values.partnerKind}
              onChange={(kind) => {
                form.setFieldValue('partnerKind', kind);
                if (kind === 'company' && values.contactMode === 'none') form.setFieldValue('contactMode', 'new');
              }}
            >
              <Group gap="md" mt={4}>
                <Radio value="company" label="Company" />
                <Radio value="individual" label="Individual" />
              </Group>
            </Radio.Group>
            <Radio.Group label="As a" {...form.getInputProps('partnerRole')}>
              <Group gap="md" mt={4}>
                <Radio value="prospect" label="Prospect" />
                <Radio value="customer" label="Customer" />
              </Group>
            </Radio.Group>
          </Group>
        ) : (
          <RemoteSelect
            path="/api/v1/partners"
            label="Partner"
            placeholder="Type to search partners"
            withAsterisk
            sort="name"
            value={values.partnerId}
            error={form.errors.partnerId}
            onChange={(id, row) => {
              form.setValues({ partnerId: id, existingPartnerKind: row?.kind ?? null, contactId: null });
              form.clearFieldError('partnerId');
            }}
          />
        )}
      </Stack>
    </Fieldset>
  );
}

function ContactSection({ form }: { form: ConvertForm }) {
  const { values } = form;
  if (partnerIsIndividual(values))
    return (
      <Fieldset legend="Contact">
        <Text size="sm" c="dimmed">
          An individual has no contacts: the lead becomes the partner itself.
        </Text>
      </Fieldset>
    );
  const canPickExisting = values.partnerMode === 'existing' && Boolean(values.partnerId);
  return (
    <Fieldset legend="Contact">
      <Stack gap="sm">
        <Radio.Group label="Contact person" {...form.getInputProps('contactMode')}>
          <Group gap="lg" mt={4}>
            <Radio value="new" label="A new contact" />
            <Radio value="existing" label="An existing contact" disabled={!canPickExisting} />
            <Radio value="none" label="No contact" />
          </Group>
        </Radio.Group>
        {values.contactMode === 'existing' && values.partnerId && (
          <RemoteSelect
            // A new partner's contacts are searched afresh.
            key={values.partnerId}
            path="/api/v1/contacts"
            query={{ partnerId: values.partnerId }}
            optionLabel={(contact) => fullName(contact)}
            sort="lastName"
            label="Contact"
            placeholder="Type to search the partner's contacts"
            withAsterisk
            value={values.contactId}
            error={form.errors.contactId}
            onChange={(id) => {
              form.setFieldValue('contactId', id);
              form.clearFieldError('contactId');
            }}
          />
        )}
      </Stack>
    </Fieldset>
  );
}

function OpportunitySection({ form }: { form: ConvertForm }) {
  const types = useLookup('/api/v1/opportunity-types');
  return (
    <Stack gap="sm">
      <Switch label="Create an opportunity" {...form.getInputProps('withOpportunity', { type: 'checkbox' })} />
      {form.values.withOpportunity && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Opportunity name" withAsterisk {...form.getInputProps('opportunity.name')} style={{ gridColumn: '1 / -1' }} />
          <NumberInput label="Amount" min={0} decimalScale={2} thousandSeparator="," {...form.getInputProps('opportunity.amount')} />
          <TextInput label="Currency" maxLength={3} {...form.getInputProps('opportunity.currency')} />
          <DateInput label="Expected close date" valueFormat="YYYY-MM-DD" clearable {...form.getInputProps('opportunity.expectedCloseDate')} />
          <Select label="Opportunity type" data={types.options} clearable searchable {...form.getInputProps('opportunity.typeId')} />
        </SimpleGrid>
      )}
    </Stack>
  );
}

interface ConvertDialogProps {
  lead: Lead;
  opened: boolean;
  onClose: () => void;
  onConverted: (result: ConversionResult) => void;
}

/** Axelor's conversion wizard on one screen: partner, contact and an optional opportunity, made together. */
export function ConvertDialog({ lead, opened, onClose, onConverted }: ConvertDialogProps) {
  const convert = useConvertLead();
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm<ConvertValues>({ initialValues: initialConvertValues(lead), validate: validateConvert });
  const close = () => {
    setProblems([]);
    form.reset();
    onClose();
  };
  const submit = (values: ConvertValues) => {
    setProblems([]);
    convert.mutate(
      { id: lead.id, body: buildConvertRequest(values) },
      {
        onSuccess: (result) => {
          form.reset();
          onConverted(result);
        },
        onError: (error) => {
          const problem = describeProblem(error, API_FIELDS);
          form.setErrors(Object.fromEntries(Object.entries(problem.fieldErrors).map(([field, message]) => [CONVERT_FIELD_NAMES[field] ?? field, message])));
          setProblems(problem.summary);
        },
      },
    );
  };

  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={`Convert ${fullName(lead)}`}
      submitLabel="Convert"
      onSubmit={form.onSubmit(submit)}
      loading={convert.isPending}
      problems={problems}
      size="lg"
    >
      <PartnerSection form={form} lead={lead} />
      <ContactSection form={form} />
      <OpportunitySection form={form} />
    </FormDialog>
  );
}
