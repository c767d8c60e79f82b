import * as React from 'react';
import { CounterBadge, makeStyles, mergeClasses, shorthands, tokens, useId } from '@fluentui/react-components';
import type { DayWithFreeTime, Lang } from '@eer/contract';
import { useListNavigation } from '../shared/hooks/useListNavigation';
import { dayLabel, longDate } from './dates';

export interface DayListProps {
  days: readonly DayWithFreeTime[];
  selectedDate: string | null;
  onSelect: (date: string) => void;
  lang: Lang;
  /** Accessible name, e.g. «Дни со свободным временем». */
  label: string;
  /** «свободно: {0}» — spoken with each day. */
  freeLabel: string;
  /** A strip across the top (narrow form) instead of a column beside the time cells. */
  horizontal: boolean;
}

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    maxHeight: '320px',
    overflowY: 'auto',
    ...shorthands.padding(tokens.spacingVerticalXXS),
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outlineStyle: 'none', ...shorthands.borderColor(tokens.colorStrokeFocus2) },
  },
  horizontal: { flexDirection: 'row', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, maxHeight: 'none' },
  day: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    ...shorthands.padding(tokens.spacingVerticalXS, tokens.spacingHorizontalS),
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: { outlineWidth: tokens.strokeWidthThick, outlineStyle: 'solid', outlineColor: tokens.colorStrokeFocus2 },
  selected: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
});

/**
 * The days with free time (manual §4.1, fig. 9, step 3) with the free count of each: one listbox, arrows move the
 * highlight, Enter, Space or a click chooses the day whose time cells show below.
 */
export function DayList({ days, selectedDate, onSelect, lang, label, freeLabel, horizontal }: DayListProps): JSX.Element {
  const styles = useStyles();
  const baseId = useId('day-');
  const [focused, setFocused] = React.useState(false);
  const choose = React.useCallback(
    (index: number) => {
      const day = days[index];
      if (day) onSelect(day.date);
    },
    [days, onSelect],
  );
  const nav = useListNavigation(days.length, choose, days.map((d) => d.date).join());
  const selectedIndex = days.findIndex((d) => d.date === selectedDate);
  const { setActiveIndex } = nav;
  // The highlight follows the chosen day (the first day is chosen without a click).
  React.useEffect(() => {
    if (selectedIndex >= 0) setActiveIndex(selectedIndex);
  }, [selectedIndex, setActiveIndex, days]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    // Left/Right move as Up/Down do: the strip runs across in a narrow form.
    if (!event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      setActiveIndex(nav.activeIndex + (event.key === 'ArrowRight' ? 1 : -1));
      return;
    }
    nav.onKeyDown(event);
  };

  return (
    <div
      role="listbox"
      aria-label={label}
      aria-orientation={horizontal ? 'horizontal' : 'vertical'}
      tabIndex={0}
      aria-activedescendant={nav.activeIndex >= 0 ? `${baseId}${nav.activeIndex}` : undefined}
      className={mergeClasses(styles.list, horizontal && styles.horizontal)}
      onKeyDown={onKeyDown}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      data-testid="day-list"
    >
      {days.map((day, i) => (
        <div
          key={day.date}
          id={`${baseId}${i}`}
          role="option"
          aria-selected={day.date === selectedDate}
          aria-label={`${longDate(day.date, lang)}, ${freeLabel.replace('{0}', String(day.freeCount))}`}
          data-date={day.date}
          className={mergeClasses(styles.day, day.date === selectedDate && styles.selected, focused && i === nav.activeIndex && styles.active)}
          onClick={() => onSelect(day.date)}
        >
          <span>{dayLabel(day.date, lang)}</span>
          <CounterBadge count={day.freeCount} overflowCount={999} appearance="filled" color={day.date === selectedDate ? 'brand' : 'informative'} size="small" aria-hidden />
        </div>
      ))}
    </div>
  );
}
