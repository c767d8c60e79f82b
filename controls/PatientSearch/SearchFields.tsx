import * as React from 'react';
import { Field, Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { MaskedInput } from '../shared/components/MaskedInput';
import { DATE_MASK, PASSPORT_MASK, POLICY_MASK, SNILS_MASK, type Mask } from '../shared/components/masks';
import type { Strings } from '../shared/pcf/strings';
import type { SearchField, SearchInputs } from './searchForm';
import type { PatientSearchStringKey } from './strings';

export interface SearchFieldsProps {
  inputs: SearchInputs;
  issues: Partial<Record<SearchField, string>>;
  disabled: boolean;
  narrow: boolean;
  strings: Strings<PatientSearchStringKey>;
  onChange: (field: SearchField, value: string) => void;
  onLeave: (field: SearchField) => void;
  /** ↓ or Enter in a field: go to the list. */
  onToList: () => void;
}

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  wideName: { gridColumnStart: 1, gridColumnEnd: 3 },
  narrow: { gridTemplateColumns: 'minmax(0, 1fr)' },
});

const FIELDS: ReadonlyArray<{ field: SearchField; label: PatientSearchStringKey; hint: PatientSearchStringKey; mask?: Mask }> = [
  { field: 'fullName', label: 'Field_FullName', hint: 'Hint_FullName' },
  { field: 'birthDate', label: 'Field_BirthDate', hint: 'Example_BirthDate', mask: DATE_MASK },
  { field: 'policy', label: 'Field_Policy', hint: 'Hint_Policy', mask: POLICY_MASK },
  { field: 'snils', label: 'Field_Snils', hint: 'Hint_Snils', mask: SNILS_MASK },
  { field: 'passport', label: 'Field_Passport', hint: 'Hint_Passport', mask: PASSPORT_MASK },
];

/** The five search criteria of manual §3, in the order the operator asks for them; Tab walks them in that order. */
export function SearchFields(props: SearchFieldsProps): JSX.Element {
  const { inputs, issues, disabled, narrow, strings, onChange, onLeave, onToList } = props;
  const styles = useStyles();
  const onKeyDown = (event: React.KeyboardEvent) => {
    if ((event.key === 'ArrowDown' || event.key === 'Enter') && !event.altKey && !event.ctrlKey && !event.shiftKey) {
      event.preventDefault();
      onToList();
    }
  };
  return (
    <div className={mergeClasses(styles.grid, narrow && styles.narrow)}>
      {FIELDS.map(({ field, label, hint, mask }) => {
        const issue = issues[field];
        const common = {
          disabled,
          onBlur: () => onLeave(field),
          onKeyDown,
          'data-field': field,
          name: field,
        };
        return (
          <Field
            key={field}
            label={strings[label]}
            hint={strings[hint]}
            validationState={issue ? 'error' : 'none'}
            validationMessage={issue}
            className={field === 'fullName' && !narrow ? styles.wideName : undefined}
          >
            {mask ? (
              <MaskedInput
                {...common}
                mask={mask}
                inputMode={field === 'policy' ? 'text' : 'numeric'}
                placeholder={field === 'birthDate' ? strings.Hint_BirthDate : mask.placeholder}
                value={inputs[field]}
                onValueChange={(value) => onChange(field, value)}
              />
            ) : (
              <Input
                {...common}
                autoComplete="off"
                spellCheck={false}
                value={inputs[field]}
                onChange={(_e, data) => onChange(field, data.value)}
              />
            )}
          </Field>
        );
      })}
    </div>
  );
}
