import { Checkbox, MultiSelect, NumberInput, PasswordInput, Select, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { RemoteSelect } from '../RemoteSelect';
import type { FieldDef, FormValues } from './types';

interface FieldInputProps {
  field: FieldDef;
  form: UseFormReturnType<FormValues>;
  required: boolean;
  autoFocus: boolean;
  /** The form only shows the record: no clear buttons. */
  readOnly?: boolean;
}

/** One input of a record form, chosen by the field's kind; `label` binds the label to the input. */
export function FieldInput({ field, form, required, autoFocus, readOnly = false }: FieldInputProps) {
  const clearable = !required && !readOnly;
  const common = {
    label: field.label,
    description: field.description,
    placeholder: field.placeholder,
    withAsterisk: required,
    autoFocus,
    // Mantine's modal focus trap looks for this attribute rather than autoFocus.
    'data-autofocus': autoFocus || undefined,
  };
  const props = form.getInputProps(field.name);

  switch (field.kind) {
    case 'textarea':
      return <Textarea {...common} {...props} autosize minRows={3} maxRows={10} />;
    case 'email':
      return <TextInput {...common} {...props} type="email" autoComplete="off" />;
    case 'password':
      return <PasswordInput {...common} {...props} autoComplete="new-password" />;
    case 'number':
      return <NumberInput {...common} {...props} />;
    case 'date':
      return <DateInput {...common} {...props} valueFormat="YYYY-MM-DD" clearable={!readOnly} />;
    case 'select':
      return <Select {...common} {...props} data={field.options ?? []} clearable={clearable} searchable />;
    case 'reference':
      return field.reference ? (
        <RemoteSelect {...common} {...props} value={typeof props.value === 'string' ? props.value : null} path={field.reference} clearable={clearable} />
      ) : null;
    case 'multiselect':
      return <MultiSelect {...common} {...props} data={field.options ?? []} searchable clearable={!readOnly} />;
    case 'checkbox':
      return (
        <Checkbox
          label={field.label}
          description={field.description}
          autoFocus={autoFocus}
          data-autofocus={autoFocus || undefined}
          {...form.getInputProps(field.name, { type: 'checkbox' })}
          mt="xs"
        />
      );
    default:
      return <TextInput {...common} {...props} />;
  }
}
