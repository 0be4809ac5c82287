import { Button, Fieldset, Group, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { resourceKeys, useCreateRecord, useUpdateRecord } from '../../api/resources';
import type { CollectionPath, CreateBody, RecordOf, UpdateBody } from '../../api/resource-types';
import { FieldInput } from './FieldInput';
import classes from './RecordForm.module.css';
import { buildRequestBody, initialFormValues, isRequired, validateRequired, type FormMode } from './form-values';
import { describeProblem, type FormProblem } from './problem-errors';
import { ProblemAlert } from './ProblemAlert';
import type { FieldDef, FormValues } from './types';

export interface EditedRecord {
  id: string;
  version: number;
}

export interface RecordFormProps<P extends CollectionPath> {
  /** The API collection, e.g. `/api/v1/leads`: POST to it, PATCH `{path}/{id}`. */
  path: P;
  fields: FieldDef[];
  /** The loaded record to edit; none: create. */
  record?: RecordOf<P> & EditedRecord;
  /** Starting values of a new record. */
  defaults?: FormValues;
  onSaved: (saved: RecordOf<P>) => void;
  /** Shows a Cancel button; in a modal, Esc closes the modal the same way. */
  onCancel?: () => void;
  submitLabel?: string;
  /** Notification text on success, e.g. "Lead source saved". */
  savedMessage?: string;
  columns?: 1 | 2;
  /** Shows the values without letting them change (a converted or lost lead), and no Save button. */
  readOnly?: boolean;
  /**
   * Shown above the fields, from the values as they are typed: a hint that does not block saving
   * (e.g. "a partner like this exists"). Called on each change; render a component to use hooks.
   */
  notice?: (values: FormValues) => ReactNode;
}

function RecordFormBody<P extends CollectionPath>({
  path,
  fields,
  record,
  defaults,
  onSaved,
  onCancel,
  submitLabel,
  savedMessage,
  columns = 1,
  readOnly = false,
  notice,
}: RecordFormProps<P>) {
  const mode: FormMode = record ? 'edit' : 'create';
  const [initial] = useState(() => initialFormValues(fields, record, defaults));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const queryClient = useQueryClient();
  const create = useCreateRecord(path);
  const update = useUpdateRecord(path);
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => validateRequired(fields, values, mode),
  });

  const submit = async (values: FormValues) => {
    setProblem(null);
    const body = buildRequestBody(fields, values, initial, mode, record?.version);
    try {
      // The body is built from the field definitions, not the document's types; the API validates it (400 under the fields).
      const saved = record ? await update.mutateAsync({ id: record.id, body: body as UpdateBody<P> }) : await create.mutateAsync(body as CreateBody<P>);
      notifications.show({ color: 'green', message: savedMessage ?? 'Saved' });
      onSaved(saved);
    } catch (error) {
      const described = describeProblem(error, fields);
      form.setErrors(described.fieldErrors);
      setProblem(described.summary.length > 0 ? described : null);
    }
  };

  const reload = () => {
    setProblem(null);
    // The caller renders the form from the record query; fresh data remounts it with the new version.
    void queryClient.invalidateQueries({ queryKey: resourceKeys.all(path) });
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        {problem && <ProblemAlert problem={problem} onReload={reload} />}
        {!readOnly && notice?.(form.values)}
        {/* A disabled fieldset disables every input inside it, whatever its kind. */}
        <Fieldset variant="unstyled" disabled={readOnly} p={0} className={readOnly ? classes.readOnly : undefined}>
          <SimpleGrid cols={{ base: 1, sm: columns }} spacing="md">
            {fields.map((field, index) => (
              <div key={field.name} style={field.wide ? { gridColumn: '1 / -1' } : undefined}>
                <FieldInput
                  field={field}
                  form={form}
                  required={isRequired(field, mode) && !readOnly}
                  autoFocus={index === 0 && !readOnly}
                  readOnly={readOnly}
                />
              </div>
            ))}
          </SimpleGrid>
        </Fieldset>
        {!readOnly && (
          <Group justify="flex-end" gap="sm">
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                Cancel
              </Button>
            )}
            <Button type="submit" loading={create.isPending || update.isPending}>
              {submitLabel ?? (record ? 'Save' : 'Create')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/**
 * One form for every record: creates with POST, edits with PATCH and the
 * loaded `version`, and shows the API's refusals where they belong.
 */
export function RecordForm<P extends CollectionPath>(props: RecordFormProps<P>) {
  // A new version of the record (after a reload) starts the form afresh.
  const key = props.record ? `${props.record.id}@${props.record.version}` : 'new';
  return <RecordFormBody key={key} {...props} />;
}
