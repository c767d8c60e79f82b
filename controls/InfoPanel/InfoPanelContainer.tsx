import * as React from 'react';
import { Tab, TabList, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { ageOn, type Lang } from '@eer/contract';
import { useLoad, type LoadState } from '../shared/hooks/useLoad';
import { useNow } from '../shared/hooks/useNow';
import type { Strings } from '../shared/pcf/strings';
import { ArticleList } from './ArticleList';
import { CheckupsTab } from './CheckupsTab';
import { HoursTab } from './HoursTab';
import type { InfoApi } from './infoApi';
import type { InfoArticles } from './infoArticles';
import type { CallRecords } from '../shared/records/callRecords';
import type { InfoPanelStringKey } from './strings';
import { useVolunteerForm } from './useVolunteerForm';
import { VolunteerTab } from './VolunteerTab';

export type InfoTab = 'covid' | 'volunteer' | 'hours' | 'checkups';
export const TAB_OF_TOPIC: Readonly<Record<number, InfoTab>> = { 1: 'covid', 2: 'volunteer', 6: 'hours', 7: 'checkups' };
const TABS: ReadonlyArray<{ tab: InfoTab; label: InfoPanelStringKey }> = [
  { tab: 'covid', label: 'Tab_Covid' },
  { tab: 'volunteer', label: 'Tab_Volunteer' },
  { tab: 'hours', label: 'Tab_Hours' },
  { tab: 'checkups', label: 'Tab_Checkups' },
];

export interface InfoPanelContainerProps {
  api: InfoApi;
  articles: InfoArticles;
  /** The CRM rows (eer_appeal) of the volunteer requests made. */
  records: CallRecords;
  /** The call record (eer_call) the panel is on: a volunteer request's appeal row is linked to it. */
  callRecordId: string | null;
  /** Pauses between reads of a queued request's outbox entry (tests shorten them). */
  pollDelays?: readonly number[];
  /** The IVR digit of the call (eer_topic). */
  topic: number | null;
  /** The tab when the topic is not an information one; 'auto' → opening hours. */
  defaultTab: InfoTab | 'auto';
  patientId: string | null;
  patientName: string | null;
  callId: string | null;
  volunteerMinAge: number;
  readOnly: boolean;
  masked: boolean;
  narrow: boolean;
  lang: Lang;
  strings: Strings<InfoPanelStringKey>;
  onCreated: (appealId: string) => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  panel: { paddingTop: tokens.spacingVerticalS },
});

function tabFor(topic: number | null, defaultTab: InfoTab | 'auto'): InfoTab {
  return (topic !== null ? TAB_OF_TOPIC[topic] : undefined) ?? (defaultTab === 'auto' ? 'hours' : defaultTab);
}

/**
 * The information topics of line 122 as tabs, opened by the call's IVR digit; each tab loads what it shows the first
 * time it is opened (articles from the CRM, organisations and hours from the function app, the patient card).
 */
export function InfoPanelContainer(props: InfoPanelContainerProps): JSX.Element {
  const { api, articles, records, callRecordId, pollDelays, topic, defaultTab, patientId, patientName, callId, volunteerMinAge, readOnly, masked, narrow, lang, strings, onCreated } = props;
  const styles = useStyles();
  const baseId = useId('info-tab-');
  const [tab, setTab] = React.useState<InfoTab>(() => tabFor(topic, defaultTab));
  // A new call (another digit) opens its tab.
  React.useEffect(() => setTab(tabFor(topic, defaultTab)), [topic, defaultTab]);
  const [visited, setVisited] = React.useState<ReadonlySet<InfoTab>>(() => new Set([tab]));
  React.useEffect(() => setVisited((v) => (v.has(tab) ? v : new Set([...v, tab]))), [tab]);
  const now = new Date(useNow(60_000));

  // ---- the patient: age for check-ups, address and phone for volunteer help
  const needsPatient = visited.has('checkups') || visited.has('volunteer');
  const { state: cardState, reload: reloadCard } = useLoad(needsPatient ? patientId : null, (id, signal) => api.patient(id, signal));
  const card: LoadState<Awaited<ReturnType<InfoApi['patient']>>> | null = patientId ? cardState : null;
  const patient = card?.status === 'success' ? card.data : null;
  const age = patient ? ageOn(patient.birthDate, now) : null;

  // ---- articles
  const covid = useLoad(visited.has('covid') ? 'covid' : null, () => articles.list(1, null));
  const checkupsKey = !visited.has('checkups') ? null : patient ? `7|${age}` : card === null || card.status === 'error' ? '7|all' : null;
  const checkups = useLoad(checkupsKey, () => articles.list(7, age));

  // ---- opening hours
  const [localityId, setLocalityId] = React.useState<string | null>(null);
  const localities = useLoad(visited.has('hours') ? 'all' : null, (_k, signal) => api.localities(signal));
  const districtId = localities.state.status === 'success' ? (localities.state.data.find((l) => l.id === localityId)?.districtId ?? null) : null;
  const organisations = useLoad(visited.has('hours') ? (districtId ?? 'all') : null, (key, signal) => api.organisations(key === 'all' ? null : key, signal));
  const [chosenId, setChosenId] = React.useState<string | null>(null);
  const hours = useLoad(chosenId, (id, signal) => api.hours(id, signal));

  // ---- volunteer help
  const volunteer = useVolunteerForm({ api, records, patientId, patientName, card, callId, callRecordId, readOnly, lang, onCreated, pollDelays });

  if (masked) return <Text role="status">{strings.Status_Masked}</Text>;
  return (
    <section className={styles.root} aria-label={strings.Tabs_Label}>
      <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as InfoTab)} aria-label={strings.Tabs_Label} size={narrow ? 'small' : 'medium'} vertical={false}>
        {TABS.map((t) => (
          <Tab key={t.tab} value={t.tab} id={`${baseId}${t.tab}`} aria-controls={`${baseId}${t.tab}-panel`}>
            {strings[t.label]}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={`${baseId}${tab}-panel`} aria-labelledby={`${baseId}${tab}`} className={styles.panel} data-testid={`panel-${tab}`}>
        {tab === 'covid' && <ArticleList articles={covid.state} reload={covid.reload} searchable lang={lang} strings={strings} />}
        {tab === 'checkups' && (
          <CheckupsTab card={card} reloadCard={reloadCard} articles={checkups.state} reloadArticles={checkups.reload} now={now} lang={lang} strings={strings} />
        )}
        {tab === 'hours' && (
          <HoursTab
            localities={localities.state}
            localityId={localityId}
            onLocality={(id) => {
              setLocalityId(id);
              setChosenId(null);
            }}
            organisations={organisations.state}
            reloadOrganisations={organisations.reload}
            chosenId={chosenId}
            onChoose={setChosenId}
            hours={chosenId ? hours.state : null}
            reloadHours={hours.reload}
            now={now}
            narrow={narrow}
            lang={lang}
            strings={strings}
          />
        )}
        {tab === 'volunteer' && (
          <VolunteerTab form={volunteer} age={age} minAge={volunteerMinAge} readOnly={readOnly} narrow={narrow} lang={lang} strings={strings} />
        )}
      </div>
    </section>
  );
}
