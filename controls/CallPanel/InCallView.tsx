import * as React from 'react';
import { Button, SkeletonItem, Skeleton, Text, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { useNow } from '../shared/hooks/useNow';
import type { Strings } from '../shared/pcf/strings';
import { callerText, formatElapsed, topicText } from './callFormat';
import type { CallPanelStringKey } from './strings';

export interface CallHeaderProps {
  /** IVR digit 1–8 the caller chose, or null when unknown. */
  topic: number | null;
  /** When the call was answered; the timer derives from it, so a reload keeps counting. */
  answeredAt: Date | null;
  /** When Завершить was pressed: the timer stops there. */
  endedAt: Date | null;
  thresholdSeconds: number;
  callerNumber: string | null;
  patientName: string | null;
  narrow: boolean;
  strings: Strings<CallPanelStringKey>;
}

const useStyles = makeStyles({
  heading: { margin: 0 },
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalL },
  narrow: { flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  topic: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  facts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2 },
  timer: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground1 },
  over: { color: tokens.colorPaletteRedForeground1 },
  overBox: { ...shorthands.borderBottom(tokens.strokeWidthThick, 'solid', tokens.colorPaletteRedBorder2) },
  greeting: {
    marginTop: tokens.spacingVerticalM,
    ...shorthands.padding(tokens.spacingVerticalM, tokens.spacingHorizontalM),
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
  },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

/**
 * Manual §3, fig. 3: the topic (1), and in the top right corner the call timer (3) counted from the answered-at column;
 * past the threshold it turns red and says so in words (not colour only).
 */
export function CallHeader(props: CallHeaderProps): JSX.Element {
  const { topic, answeredAt, endedAt, thresholdSeconds, callerNumber, patientName, narrow, strings } = props;
  const styles = useStyles();
  const running = answeredAt !== null && endedAt === null;
  const now = useNow(1000, running);
  const until = endedAt ? endedAt.getTime() : now;
  const elapsed = answeredAt ? (until - answeredAt.getTime()) / 1000 : 0;
  const over = answeredAt !== null && elapsed >= thresholdSeconds;
  return (
    <div className={mergeClasses(styles.header, narrow && styles.narrow)}>
      <div className={styles.topic}>
        <Text size={200}>{strings.Header_Topic}</Text>
        <Text className={styles.heading} as="h2" size={500} weight="semibold" data-testid="call-topic">
          {topicText(topic, strings)}
        </Text>
        <div className={styles.facts}>
          <Text size={200} data-testid="call-caller">{`${strings.InCall_Caller}: ${callerText(callerNumber, strings)}`}</Text>
          <Text size={200} data-testid="call-patient">{`${strings.InCall_Patient}: ${patientName || strings.InCall_NoPatient}`}</Text>
        </div>
      </div>
      <div
        role="timer"
        aria-live="off"
        aria-label={over ? `${strings.Timer_Label}: ${strings.Timer_Over}` : strings.Timer_Label}
        data-over={over ? 'true' : 'false'}
        className={mergeClasses(over && styles.overBox)}
      >
        <Text size={600} weight="semibold" className={mergeClasses(styles.timer, over && styles.over)} data-testid="call-timer">
          {answeredAt ? formatElapsed(elapsed) : strings.Timer_NotStarted}
        </Text>
        {over && (
          <Text block size={200} className={styles.over}>
            {strings.Timer_Over}
          </Text>
        )}
      </div>
    </div>
  );
}

export interface InCallViewProps extends CallHeaderProps {
  /** null while it loads from the topic table. */
  greeting: string | null;
  disabled: boolean;
  onEnd: () => void;
}

/** In the call: header, the greeting script for the topic (2), and Завершить (manual §8, 1). */
export function InCallView(props: InCallViewProps): JSX.Element {
  const { greeting, disabled, onEnd, strings } = props;
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={strings.Header_Topic} data-testid="in-call">
      <CallHeader {...props} />
      <div className={styles.greeting} role="region" aria-label={strings.Header_Greeting}>
        {greeting === null ? (
          <Skeleton aria-label={strings.Greeting_Loading}>
            <SkeletonItem size={16} />
          </Skeleton>
        ) : (
          <Text data-testid="call-greeting">{greeting}</Text>
        )}
      </div>
      <div>
        <Button appearance="primary" disabled={disabled} onClick={onEnd}>
          {strings.InCall_End}
        </Button>
      </div>
    </section>
  );
}
