import * as React from 'react';
import { Badge, Text, makeStyles, mergeClasses, shorthands, tokens, useId } from '@fluentui/react-components';
import type { Lang, PatientSummary } from '@eer/contract';
import { useListNavigation } from '../shared/hooks/useListNavigation';
import type { Strings } from '../shared/pcf/strings';
import { summaryDetails } from './format';
import type { PatientSearchStringKey } from './strings';

export interface PatientListItem {
  patient: PatientSummary;
  /** The patient's phone is the caller's number (pre-identification). */
  callerMatch: boolean;
}

export interface PatientListProps {
  items: readonly PatientListItem[];
  label: string;
  onChoose: (patient: PatientSummary) => void;
  /** Choosing is not allowed (read-only form): the list is still readable. */
  disabled: boolean;
  lang: Lang;
  strings: Strings<PatientSearchStringKey>;
}

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    maxHeight: '360px',
    overflowY: 'auto',
    ...shorthands.padding(tokens.spacingVerticalXXS),
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outlineStyle: 'none' },
  },
  focused: { ...shorthands.borderColor(tokens.colorStrokeFocus2) },
  option: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    ...shorthands.padding(tokens.spacingVerticalS, tokens.spacingHorizontalM),
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected },
  // the visible focus of the highlighted row while the list has keyboard focus
  activeFocused: { outlineWidth: tokens.strokeWidthThick, outlineStyle: 'solid', outlineColor: tokens.colorStrokeFocus2 },
  disabled: { cursor: 'default' },
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

/**
 * The patient list as one listbox: focus stays on the list, ↑/↓/Home/End move the highlight
 * (`aria-activedescendant`), Enter or a click chooses.
 */
export const PatientList = React.forwardRef<HTMLDivElement, PatientListProps>(function PatientList(props, ref) {
  const { items, label, onChoose, disabled, lang, strings } = props;
  const styles = useStyles();
  const baseId = useId('patient-option-');
  const [focused, setFocused] = React.useState(false);
  const choose = React.useCallback(
    (index: number) => {
      const item = items[index];
      if (item && !disabled) onChoose(item.patient);
    },
    [items, disabled, onChoose],
  );
  const nav = useListNavigation(items.length, choose, items.map((i) => i.patient.misId).join());

  React.useEffect(() => {
    if (nav.activeIndex < 0) return;
    const element = document.getElementById(`${baseId}${nav.activeIndex}`);
    element?.scrollIntoView?.({ block: 'nearest' });
  }, [nav.activeIndex, baseId]);

  return (
    <div
      ref={ref}
      role="listbox"
      tabIndex={items.length > 0 ? 0 : -1}
      aria-label={label}
      aria-disabled={disabled || undefined}
      aria-activedescendant={nav.activeIndex >= 0 ? `${baseId}${nav.activeIndex}` : undefined}
      className={mergeClasses(styles.list, focused && styles.focused)}
      onKeyDown={nav.onKeyDown}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      data-testid="patient-list"
    >
      {items.map(({ patient, callerMatch }, index) => {
        const active = index === nav.activeIndex;
        return (
          <div
            key={patient.misId}
            id={`${baseId}${index}`}
            role="option"
            aria-selected={active}
            aria-disabled={disabled || undefined}
            className={mergeClasses(styles.option, active && styles.active, active && focused && styles.activeFocused, disabled && styles.disabled)}
            onMouseDown={(e) => e.preventDefault() /* keep focus on the list */}
            onClick={() => {
              nav.setActiveIndex(index);
              choose(index);
            }}
          >
            <span className={styles.title}>
              <Text weight="semibold">{patient.fullName}</Text>
              {callerMatch && (
                <Badge appearance="tint" color="brand" size="small">
                  {strings.List_CallerMatch}
                </Badge>
              )}
              {patient.matchedBy && (
                <Badge appearance="outline" color="informative" size="small">
                  {strings[`MatchedBy_${patient.matchedBy}`]}
                </Badge>
              )}
            </span>
            <Text size={200}>{summaryDetails(patient, lang, strings)}</Text>
          </div>
        );
      })}
    </div>
  );
});
