import * as React from 'react';
import {
  Badge,
  Dropdown,
  Field,
  Input,
  Option,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
  useId,
} from '@fluentui/react-components';
import type { Lang, Locality, MedicalOrganisation, OpeningHours } from '@eer/contract';
import { ErrorBar, errorView } from '../shared/components/ErrorBar';
import { WeekHoursTable } from '../shared/components/WeekHoursTable';
import { localMoment, openState, weekdayNames } from '../shared/components/weeklyHours';
import { useListNavigation } from '../shared/hooks/useListNavigation';
import type { LoadState } from '../shared/hooks/useLoad';
import { format, type Strings } from '../shared/pcf/strings';
import { errorStrings } from './ArticleList';
import type { InfoPanelStringKey } from './strings';
import { folded } from './text';

export interface HoursTabProps {
  localities: LoadState<Locality[]>;
  localityId: string | null;
  onLocality: (id: string | null) => void;
  organisations: LoadState<MedicalOrganisation[]>;
  reloadOrganisations: () => void;
  chosenId: string | null;
  onChoose: (moId: string) => void;
  hours: LoadState<OpeningHours> | null;
  reloadHours: () => void;
  now: Date;
  narrow: boolean;
  lang: Lang;
  strings: Strings<InfoPanelStringKey>;
}

/** At most this many organisations are listed; the name search narrows them. */
const MAX_LISTED = 30;

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(220px, 1fr) minmax(0, 2fr)', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM },
  single: { gridTemplateColumns: 'minmax(0, 1fr)' },
  column: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '320px',
    overflowY: 'auto',
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outlineWidth: tokens.strokeWidthThick, outlineStyle: 'solid', outlineColor: tokens.colorStrokeFocus2 },
  },
  option: { ...shorthands.padding(tokens.spacingVerticalXS, tokens.spacingHorizontalM), cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected },
  chosen: { fontWeight: tokens.fontWeightSemibold },
  secondary: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  details: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  badge: { alignSelf: 'flex-start' },
});

/**
 * IVR topic 6: opening hours of the region's organisations, found by name and locality, shown as a week with today
 * highlighted. Keyboard: type the name, Tab to the list, arrows move, Enter shows the hours.
 */
export function HoursTab(props: HoursTabProps): JSX.Element {
  const { localities, localityId, onLocality, organisations, reloadOrganisations, chosenId, onChoose, hours, reloadHours, now, narrow, lang, strings } = props;
  const styles = useStyles();
  const listId = useId('mo-option-');
  const [name, setName] = React.useState('');
  const locality = localities.status === 'success' ? (localities.data.find((l) => l.id === localityId) ?? null) : null;
  const all = organisations.status === 'success' ? organisations.data : [];

  const matches = React.useMemo(() => {
    const q = folded(name.trim());
    let list = q ? all.filter((o) => folded(o.shortName).includes(q) || folded(o.fullName).includes(q)) : all;
    // A district holds several localities: those whose address names the chosen one come first.
    if (locality) {
      const place = folded(locality.name);
      list = [...list.filter((o) => folded(o.address).includes(place)), ...list.filter((o) => !folded(o.address).includes(place))];
    }
    return list.slice(0, MAX_LISTED);
  }, [all, name, locality]);

  const choose = React.useCallback((index: number) => {
    const mo = matches[index];
    if (mo) onChoose(mo.id);
  }, [matches, onChoose]);
  const nav = useListNavigation(matches.length, choose, matches.map((m) => m.id).join());

  const orgError = organisations.status === 'error' ? errorView(organisations.error, lang) : null;
  const hoursError = hours?.status === 'error' ? errorView(hours.error, lang) : null;
  const data = hours?.status === 'success' ? hours.data : null;
  const today = localMoment(now).weekday;
  const state = data ? openState(data.hours, now) : null;

  return (
    <div className={mergeClasses(styles.root, narrow && styles.single)}>
      <div className={styles.column}>
        <Field label={strings.Hours_Locality}>
          <Dropdown
            value={locality?.name ?? strings.Hours_LocalityAll}
            selectedOptions={[localityId ?? '']}
            onOptionSelect={(_e, d) => onLocality(d.optionValue ? d.optionValue : null)}
          >
            <Option value="">{strings.Hours_LocalityAll}</Option>
            {(localities.status === 'success' ? localities.data : []).map((l) => (
              <Option key={l.id} value={l.id}>
                {l.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={strings.Hours_Name} hint={strings.Hours_Hint}>
          <Input
            type="search"
            value={name}
            placeholder={strings.Hours_NamePlaceholder}
            autoComplete="off"
            onChange={(_e, d) => setName(d.value)}
            onKeyDown={(e) => {
              // Enter in the name field shows the first match at once
              if (e.key === 'Enter' && matches[0]) {
                e.preventDefault();
                onChoose(matches[0].id);
              }
            }}
          />
        </Field>
        {organisations.status === 'loading' && <Spinner size="extra-tiny" label={strings.Hours_Loading} labelPosition="after" />}
        {orgError && <ErrorBar error={orgError} title={strings.Error_Organisations} strings={errorStrings(strings)} onRetry={reloadOrganisations} />}
        {organisations.status === 'success' && (
          <Text size={200} className={styles.muted} aria-live="polite" data-testid="mo-count">
            {matches.length === 0 ? strings.Hours_None : format(strings.Hours_Found, matches.length)}
          </Text>
        )}
        {matches.length > 0 && (
          <div
            role="listbox"
            tabIndex={0}
            aria-label={strings.Hours_Results}
            aria-activedescendant={nav.activeIndex >= 0 ? `${listId}${nav.activeIndex}` : undefined}
            className={styles.list}
            onKeyDown={nav.onKeyDown}
            data-testid="mo-list"
          >
            {matches.map((mo, index) => (
              <div
                key={mo.id}
                id={`${listId}${index}`}
                role="option"
                aria-selected={mo.id === chosenId}
                className={mergeClasses(styles.option, index === nav.activeIndex && styles.active, mo.id === chosenId && styles.chosen)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  nav.setActiveIndex(index);
                  onChoose(mo.id);
                }}
              >
                {mo.shortName}
                <span className={styles.secondary}>{mo.address}</span>
              </div>
            ))}
          </div>
        )}
      </div>
      <div className={styles.column} aria-live="polite">
        {hours?.status === 'loading' && <Spinner size="small" label={strings.Hours_Loading} />}
        {hoursError && <ErrorBar error={hoursError} title={strings.Error_Hours} strings={errorStrings(strings)} onRetry={reloadHours} />}
        {data && state && (
          <>
            <Text as="h3" size={400} weight="semibold" data-testid="hours-title">
              {data.moName}
            </Text>
            <Badge appearance="tint" color={state.open ? 'success' : 'informative'} className={styles.badge} data-testid="open-now">
              {state.open ? format(strings.Hours_OpenNow, state.until ?? '') : strings.Hours_ClosedNow}
            </Badge>
            <dl className={styles.details}>
              <dt className={styles.muted}>{strings.Hours_Address}</dt>
              <dd style={{ margin: 0 }}>{data.address}</dd>
              <dt className={styles.muted}>{strings.Hours_Phone}</dt>
              <dd style={{ margin: 0 }}>{data.phone}</dd>
            </dl>
            <WeekHoursTable
              hours={data.hours}
              second={data.homeVisitHours}
              today={today}
              label={format(strings.Hours_Table, data.moName)}
              strings={{
                days: weekdayNames(lang, 'long'),
                dayHeader: strings.Hours_Day,
                hoursHeader: strings.Hours_Open,
                secondHeader: strings.Hours_HomeVisits,
                closed: strings.Hours_Closed,
                today: strings.Hours_Today,
              }}
            />
          </>
        )}
      </div>
    </div>
  );
}
