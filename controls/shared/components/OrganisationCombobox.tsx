import * as React from 'react';
import { Combobox, Option, makeStyles, tokens } from '@fluentui/react-components';
import type { MedicalOrganisation } from '@eer/contract';

export interface OrganisationComboboxProps {
  organisations: readonly MedicalOrganisation[];
  /** The chosen organisation's id. */
  value: string | null;
  /** Shown for a chosen id that is not (yet) in the list, e.g. a ticket's MO name. */
  fallbackName?: string;
  onChange: (moId: string) => void;
  disabled?: boolean;
  placeholder: string;
  /** The option shown when nothing matches. */
  noneText: string;
  /** Put by a surrounding Fluent Field on its control (label, described-by). */
  id?: string;
  'aria-labelledby'?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
  'data-testid'?: string;
}

/** At most this many are listed while typing; the search narrows them. */
const MAX_OPTIONS = 50;

const useStyles = makeStyles({
  secondary: { display: 'block', fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
});

/** Case- and ё-insensitive text for the search. */
function folded(text: string): string {
  return text.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');
}

/**
 * The region's medical organisations as a searchable combobox: typing any part of the short or full name (ignoring
 * case and ё) narrows the list, arrows and Enter choose; the address shows under each name.
 */
export const OrganisationCombobox = React.forwardRef<HTMLInputElement, OrganisationComboboxProps>(function OrganisationCombobox(props, ref) {
  const { organisations, value, fallbackName, onChange, disabled, placeholder, noneText, ...aria } = props;
  const styles = useStyles();
  const [text, setText] = React.useState('');
  const [typing, setTyping] = React.useState(false);
  const chosen = organisations.find((o) => o.id === value) ?? null;
  const shown = typing ? text : (chosen?.shortName ?? (value ? (fallbackName ?? '') : ''));
  const matches = React.useMemo(() => {
    const q = folded(typing ? text.trim() : '');
    const list = q ? organisations.filter((o) => folded(o.shortName).includes(q) || folded(o.fullName).includes(q)) : organisations;
    return list.slice(0, MAX_OPTIONS);
  }, [organisations, text, typing]);

  return (
    <Combobox
      ref={ref}
      {...aria}
      placeholder={placeholder}
      value={shown}
      selectedOptions={value ? [value] : []}
      disabled={disabled}
      autoComplete="off"
      onChange={(e) => {
        setTyping(true);
        setText(e.target.value);
      }}
      onOptionSelect={(_e, d) => {
        setTyping(false);
        setText('');
        if (d.optionValue) onChange(d.optionValue);
      }}
      onBlur={() => setTyping(false)}
    >
      {matches.length === 0 ? (
        <Option key="none" value="" disabled text={noneText}>
          {noneText}
        </Option>
      ) : (
        matches.map((o) => (
          <Option key={o.id} value={o.id} text={o.shortName}>
            <span>
              {o.shortName}
              <span className={styles.secondary}>{o.address}</span>
            </span>
          </Option>
        ))
      )}
    </Combobox>
  );
});
