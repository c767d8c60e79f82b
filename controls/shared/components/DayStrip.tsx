import * as React from 'react';
import { CounterBadge, makeStyles, mergeClasses, shorthands, tokens, useId } from '@fluentui/react-components';
import type { Lang } from '@eer/contract';
import { useListNavigation } from '../hooks/useListNavigation';
import { dayLabel, longDate } from './calendarText';

export interface StripDay {
  /** `YYYY-MM-DD` */
  date: string;
  /** Free places (or slots) that day. */
  count: number;
}

export interface DayStripProps {
  days: readonly StripDay[];
  selectedDate: string | null;
  onSelect: (date: string) => void;
  lang: Lang;
  /** Accessible name, e.g. «Дни со свободным временем». */
  label: string;
  /** «свободно: {0}» — spoken with each day. */
  countLabel: string;
}

const useStyles = makeStyles({
  strip: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
    ...shorthands.padding(tokens.spacingVerticalXXS),
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outlineStyle: 'none', ...shorthands.borderColor(tokens.colorStrokeFocus2) },
  },
  day: {
    display: 'flex',
    alignItems: 'center',
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
 * A strip of days with their free count (the day row of a slot picker): one listbox, Left/Right (and Up/Down, Home,
 * End) move the highlight, Enter, Space or a click chooses the day.
 */
export function DayStrip({ days, selectedDate, onSelect, lang, label, countLabel }: DayStripProps): JSX.Element {
  const styles = useStyles();
  const baseId = useId('strip-day-');
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
  React.useEffect(() => {
    if (selectedIndex >= 0) setActiveIndex(selectedIndex);
  }, [selectedIndex, setActiveIndex, days]);

  const onKeyDown = (event: React.KeyboardEvent) => {
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
      aria-orientation="horizontal"
      tabIndex={days.length > 0 ? 0 : -1}
      aria-activedescendant={nav.activeIndex >= 0 ? `${baseId}${nav.activeIndex}` : undefined}
      className={styles.strip}
      onKeyDown={onKeyDown}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      data-testid="day-strip"
    >
      {days.map((day, i) => (
        <div
          key={day.date}
          id={`${baseId}${i}`}
          role="option"
          aria-selected={day.date === selectedDate}
          aria-label={`${longDate(day.date, lang)}, ${countLabel.replace('{0}', String(day.count))}`}
          data-date={day.date}
          className={mergeClasses(styles.day, day.date === selectedDate && styles.selected, focused && i === nav.activeIndex && styles.active)}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            setActiveIndex(i);
            onSelect(day.date);
          }}
        >
          <span>{dayLabel(day.date, lang)}</span>
          <CounterBadge count={day.count} overflowCount={999} appearance="filled" color={day.date === selectedDate ? 'brand' : 'informative'} size="small" aria-hidden />
        </div>
      ))}
    </div>
  );
}
