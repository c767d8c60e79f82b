import * as React from 'react';
import { Badge, Button, Spinner, Text, makeStyles, mergeClasses, shorthands, tokens, useId } from '@fluentui/react-components';
import { ageOn, type CallNotification, type Lang } from '@eer/contract';
import { KeyHint } from '../shared/components/KeyHint';
import { useKeyboardShortcuts } from '../shared/hooks/useKeyboardShortcuts';
import { dateMaskFromIso } from '../shared/components/masks';
import { pluralText } from '../shared/components/plural';
import { format, type Strings } from '../shared/pcf/strings';
import { callerText, topicText } from './callFormat';
import type { CallPanelStringKey } from './strings';

/** The answer and cancel shortcuts: physical keys A and O with Alt (Alt+Ф / Alt+Щ in the Russian layout). */
export const ANSWER_KEYS = { code: 'KeyA', label: 'Alt+A' } as const;
export const DECLINE_KEYS = { code: 'KeyO', label: 'Alt+O' } as const;

export type ClaimPhase = 'idle' | 'claiming' | 'opening';

export interface IncomingCallProps {
  offer: CallNotification;
  /** Other calls waiting behind this one. */
  queued: number;
  phase: ClaimPhase;
  /** Read-only form: the call is shown, it cannot be taken here. */
  disabled: boolean;
  narrow: boolean;
  lang: Lang;
  now: Date;
  strings: Strings<CallPanelStringKey>;
  onAnswer: () => void;
  onDecline: () => void;
}

const useStyles = makeStyles({
  heading: { margin: 0 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    ...shorthands.padding(tokens.spacingVerticalL, tokens.spacingHorizontalL),
    ...shorthands.border(tokens.strokeWidthThick, 'solid', tokens.colorBrandStroke1),
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
    ':focus-visible': { outlineWidth: tokens.strokeWidthThick, outlineStyle: 'solid', outlineColor: tokens.colorStrokeFocus2 },
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS },
  facts: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  number: { fontVariantNumeric: 'tabular-nums' },
  patients: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  actionsNarrow: { flexDirection: 'column', alignItems: 'stretch' },
  hint: { color: tokens.colorNeutralForeground2 },
});

function isEditable(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  return element.isContentEditable || element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && element.type !== 'button');
}

/**
 * Manual §2, fig. 2: the incoming call with Ответить and Отмена. Alt+A / Alt+O work anywhere on the page while the
 * call is shown; Enter / Esc while the popup has focus. Focus moves to Ответить when the call arrives, unless the
 * operator is typing somewhere.
 */
export function IncomingCall(props: IncomingCallProps): JSX.Element {
  const { offer, queued, phase, disabled, narrow, lang, now, strings, onAnswer, onDecline } = props;
  const styles = useStyles();
  const titleId = useId('incoming-title-');
  const answerRef = React.useRef<HTMLButtonElement>(null);
  const busy = phase !== 'idle';
  const actionable = !disabled && !busy;

  useKeyboardShortcuts(
    [
      { code: ANSWER_KEYS.code, alt: true, run: onAnswer },
      { code: DECLINE_KEYS.code, alt: true, run: onDecline },
    ],
    actionable,
  );

  React.useEffect(() => {
    if (!isEditable(document.activeElement)) answerRef.current?.focus();
  }, [offer.telephonyCallId]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!actionable || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onDecline();
    } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault();
      onAnswer();
    }
  };

  const ageOf = (birthDate: string, fallback: number) => {
    let age = fallback;
    try {
      age = ageOn(birthDate, now);
    } catch {
      // a birth date in the future in the MIS: its own age
    }
    return pluralText(age, lang, { one: strings.Age_One, few: strings.Age_Few, many: strings.Age_Many });
  };

  return (
    <section
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-busy={busy}
      tabIndex={-1}
      className={styles.card}
      onKeyDown={onKeyDown}
      data-testid="incoming-call"
    >
      <div className={styles.header}>
        <Text className={styles.heading} as="h2" id={titleId} size={500} weight="semibold">
          {strings.Incoming_Title}
        </Text>
        {offer.claimable && (
          <Badge appearance="tint" color="informative">
            {strings.Incoming_Group}
          </Badge>
        )}
      </div>
      <dl className={styles.facts}>
        <dt className={styles.term}>{strings.Incoming_Caller}</dt>
        <dd className={styles.value}>
          <Text size={500} weight="semibold" className={styles.number} data-testid="incoming-number">
            {callerText(offer.callerNumber, strings)}
          </Text>
        </dd>
        <dt className={styles.term}>{strings.Incoming_Topic}</dt>
        <dd className={styles.value}>
          <Text weight="semibold" data-testid="incoming-topic">
            {topicText(offer.ivrDigit, strings)}
          </Text>
        </dd>
        <dt className={styles.term}>{strings.Incoming_Patients}</dt>
        <dd className={styles.value} data-testid="incoming-patients">
          {offer.candidates.length === 0 ? (
            <Text>{strings.Incoming_NoPatients}</Text>
          ) : (
            <ul className={styles.patients}>
              {offer.candidates.map((p) => (
                <li key={p.misId}>
                  <Text weight="semibold">{p.fullName}</Text>
                  <Text>{`, ${dateMaskFromIso(p.birthDate)} (${ageOf(p.birthDate, p.age)})`}</Text>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <div className={mergeClasses(styles.actions, narrow && styles.actionsNarrow)}>
        <Button
          ref={answerRef}
          appearance="primary"
          size="large"
          disabled={!actionable}
          onClick={onAnswer}
          aria-keyshortcuts={ANSWER_KEYS.label}
          icon={phase === 'idle' ? undefined : <Spinner size="tiny" />}
        >
          {strings.Incoming_Answer}
          <KeyHint keys={ANSWER_KEYS.label} />
        </Button>
        <Button size="large" disabled={!actionable} onClick={onDecline} aria-keyshortcuts={DECLINE_KEYS.label}>
          {strings.Incoming_Decline}
          <KeyHint keys={DECLINE_KEYS.label} />
        </Button>
        <Text size={200} className={styles.hint}>
          {phase === 'claiming' ? strings.Incoming_Claiming : phase === 'opening' ? strings.Incoming_Opening : strings.Incoming_KeysHint}
        </Text>
      </div>
      {queued > 0 && <Text size={200}>{format(strings.Incoming_Queue, queued)}</Text>}
    </section>
  );
}
