import * as React from 'react';
import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatPhone, normalizePhone, type Lang, type PatientCard, type PatientSearchResult, type PatientSummary } from '@eer/contract';
import { ErrorBar, errorView } from '../shared/components/ErrorBar';
import { useDebouncedSearch } from '../shared/hooks/useDebouncedSearch';
import { useLoad } from '../shared/hooks/useLoad';
import { useNow } from '../shared/hooks/useNow';
import { format, type Strings } from '../shared/pcf/strings';
import type { PatientApi } from './patientApi';
import { PatientCardSkeleton, PatientCardView } from './PatientCardView';
import { PatientList, type PatientListItem } from './PatientList';
import { EMPTY_INPUTS, evaluateSearch, type SearchField, type SearchInputs, type TouchedFields } from './searchForm';
import { SearchFields } from './SearchFields';
import type { PatientSearchStringKey } from './strings';

export interface ChosenPatient {
  misId: string;
  fullName: string;
}

export interface PatientSearchPanelProps {
  api: PatientApi;
  /** The patient bound to the form (eer_patientmisid): its card opens on load and after a reload. */
  chosenId: string | null;
  /** The caller's number (eer_callernumber): its patients are offered first. */
  callerNumber: string | null;
  preIdentify: boolean;
  limit: number;
  delayMs: number;
  readOnly: boolean;
  narrow: boolean;
  lang: Lang;
  strings: Strings<PatientSearchStringKey>;
  onChoose: (patient: ChosenPatient) => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  listHeader: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground2 },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** Never shown in practice (an abort does not reach the state); keeps the types honest. */
const UNKNOWN_ERROR = { code: 'internal', text: '', correlationId: null, retryable: true } as const;

/**
 * Manual §3: search as the operator types, pick a patient from the list (mouse or keyboard), see the card and record
 * the SMS consent. The chosen patient goes to the form through `onChoose` (the wrapper's outputs).
 */
export function PatientSearchPanel(props: PatientSearchPanelProps): JSX.Element {
  const { api, chosenId, callerNumber, preIdentify, limit, delayMs, readOnly, narrow, lang, strings, onChoose } = props;
  const styles = useStyles();
  const listRef = React.useRef<HTMLDivElement>(null);
  const [inputs, setInputs] = React.useState<SearchInputs>(EMPTY_INPUTS);
  const [touched, setTouched] = React.useState<TouchedFields>({});
  // The card shown: the bound patient, or the one just chosen; null shows the search.
  const [cardId, setCardId] = React.useState<string | null>(chosenId);
  const [announcement, setAnnouncement] = React.useState('');
  const now = useNow(60_000);

  // The form changed the bound patient (another control, a reload): show that one.
  const lastBound = React.useRef(chosenId);
  React.useEffect(() => {
    if (chosenId !== lastBound.current) {
      lastBound.current = chosenId;
      setCardId(chosenId);
    }
  }, [chosenId]);

  const form = React.useMemo(() => evaluateSearch(inputs, touched, lang, limit), [inputs, touched, lang, limit]);
  const search = useDebouncedSearch(form.query, api.search, { delayMs });

  const callerPhone = preIdentify && callerNumber ? normalizePhone(callerNumber) : null;
  const { state: callerMatches, reload: retryCaller } = useLoad<PatientSearchResult>(callerPhone, (phone, signal) => api.byPhone(phone, signal));
  const { state: card, reload: retryCard } = useLoad<PatientCard>(cardId, (id, signal) => api.card(id, signal));
  // What the operator saved on the card since it loaded (phone, consent), shown without loading it again.
  const [cardEdits, setCardEdits] = React.useState<{ misId: string; phone: string; smsConsent: boolean } | null>(null);

  const callerIds = React.useMemo(
    () => new Set(callerMatches.status === 'success' ? callerMatches.data.candidates.map((c) => c.misId) : []),
    [callerMatches],
  );

  const showingResults = form.query !== null && search.data !== undefined;
  const items: PatientListItem[] = React.useMemo(() => {
    if (form.query !== null) {
      const found = search.data?.candidates ?? [];
      // patients with the caller's number first, otherwise in the MIS's order
      const first = found.filter((p) => callerIds.has(p.misId));
      const rest = found.filter((p) => !callerIds.has(p.misId));
      return [...first, ...rest].map((patient) => ({ patient, callerMatch: callerIds.has(patient.misId) }));
    }
    if (callerMatches.status === 'success') return callerMatches.data.candidates.map((patient) => ({ patient, callerMatch: true }));
    return [];
  }, [form.query, search.data, callerIds, callerMatches]);

  // Tell screen readers what the list now holds, once per answer.
  React.useEffect(() => {
    if (search.status !== 'success' || !search.data) return;
    const n = search.data.candidates.length;
    setAnnouncement(
      n === 0 ? strings.List_Empty : `${format(strings.List_Found, n)}${search.data.truncated ? `. ${format(strings.List_Truncated, n)}` : ''}`,
    );
  }, [search.status, search.data, strings]);

  const choose = React.useCallback(
    (patient: PatientSummary) => {
      if (readOnly) return;
      onChoose({ misId: patient.misId, fullName: patient.fullName });
      lastBound.current = patient.misId;
      setCardId(patient.misId);
      setAnnouncement(format(strings.Card_Chosen, patient.fullName));
    },
    [readOnly, onChoose, strings],
  );

  const errorStrings = { correlationId: strings.Error_CorrelationId, retry: strings.Error_Retry, dismiss: strings.Error_Dismiss };
  const live = (
    <div className={styles.srOnly} aria-live="polite" role="status" data-testid="patient-live">
      {announcement}
    </div>
  );

  if (cardId !== null) {
    return (
      <div className={styles.root} data-layout={narrow ? 'narrow' : 'wide'}>
        {live}
        {card.status === 'loading' || card.status === 'idle' ? (
          <PatientCardSkeleton label={strings.Card_Loading} />
        ) : card.status === 'error' ? (
          <ErrorBar error={errorView(card.error, lang) ?? UNKNOWN_ERROR} title={strings.Error_Card} strings={errorStrings} onRetry={retryCard} />
        ) : (
          <PatientCardView
            card={cardEdits && cardEdits.misId === card.data.misId ? { ...card.data, phone: cardEdits.phone, smsConsent: cardEdits.smsConsent } : card.data}
            now={new Date(now)}
            readOnly={readOnly}
            narrow={narrow}
            lang={lang}
            strings={strings}
            onBack={readOnly ? undefined : () => setCardId(null)}
            savePhone={api.updatePhone}
            onPhoneSaved={(r) => setCardEdits({ misId: r.patientId, phone: r.phone, smsConsent: r.smsConsent })}
          />
        )}
      </div>
    );
  }

  if (readOnly) {
    return <Text role="status">{strings.Status_NoPatient}</Text>;
  }

  const hasIssues = Object.keys(form.issues).length > 0;
  const searchError = form.query !== null && search.status === 'error' ? errorView(search.error, lang) : null;
  const callerError = form.query === null && callerMatches.status === 'error' ? errorView(callerMatches.error, lang) : null;
  const loading = form.query !== null && (search.status === 'loading' || search.status === 'waiting');
  const heading =
    form.query === null && callerMatches.status === 'success' && callerPhone
      ? format(strings.List_PreIdentified, formatPhone(callerPhone))
      : strings.List_Label;

  let status: string;
  if (hasIssues) status = strings.List_FixFields;
  else if (form.query === null) status = items.length > 0 ? strings.List_KeyboardHint : strings.Hint_Search;
  else if (showingResults && items.length === 0 && !loading) status = strings.List_Empty;
  else if (showingResults && search.data?.truncated) status = format(strings.List_Truncated, items.length);
  else status = items.length > 0 ? strings.List_KeyboardHint : '';

  return (
    <section className={styles.root} aria-label={strings.Section_Search} data-layout={narrow ? 'narrow' : 'wide'}>
      {live}
      <SearchFields
        inputs={inputs}
        issues={form.issues}
        disabled={false}
        narrow={narrow}
        strings={strings}
        onChange={(field: SearchField, value: string) => setInputs((s) => ({ ...s, [field]: value }))}
        onLeave={(field) => setTouched((t) => (t[field] ? t : { ...t, [field]: true }))}
        onToList={() => listRef.current?.focus()}
      />
      <div className={styles.listHeader}>
        <Text weight="semibold">
          {heading}
        </Text>
        {loading && <Spinner size="tiny" label={strings.List_Loading} labelPosition="after" />}
        {form.query === null && callerMatches.status === 'loading' && <Spinner size="tiny" label={strings.List_Loading} labelPosition="after" />}
      </div>
      {searchError && <ErrorBar error={searchError} title={strings.Error_Search} strings={errorStrings} onRetry={search.retry} />}
      {callerError && <ErrorBar error={callerError} title={strings.Error_PreIdentify} strings={errorStrings} onRetry={retryCaller} />}
      {items.length > 0 && (
        <PatientList ref={listRef} items={items} label={heading} onChoose={choose} disabled={readOnly} lang={lang} strings={strings} />
      )}
      {status && (
        <Text size={200} className={styles.hint} data-testid="patient-list-status">
          {status}
        </Text>
      )}
    </section>
  );
}
