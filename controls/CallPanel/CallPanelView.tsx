import * as React from 'react';
import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useNow } from '../shared/hooks/useNow';
import type { Strings } from '../shared/pcf/strings';
import type { CallPanelStringKey } from './strings';

export interface CallPanelViewProps {
  /** IVR digit 1–8 the caller chose, or null when unknown. */
  topic: number | null;
  /** When the call was answered; the timer derives from it, so a reload keeps counting. */
  answeredAt: Date | null;
  greeting: string;
  thresholdSeconds: number;
  /** Field security hides the call data. */
  masked: boolean;
  /** Narrow layout stacks the timer under the topic. */
  narrow: boolean;
  strings: Strings<CallPanelStringKey>;
}

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalL },
  narrow: { flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  topic: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  timer: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground1 },
  over: { color: tokens.colorPaletteRedForeground1 },
  greeting: { marginTop: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium, whiteSpace: 'pre-wrap' },
});

/** mm:ss (or h:mm:ss past an hour) of elapsed seconds. */
export function formatElapsed(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function CallPanelView(props: CallPanelViewProps): JSX.Element {
  const { topic, answeredAt, greeting, thresholdSeconds, masked, narrow, strings } = props;
  const styles = useStyles();
  const now = useNow(1000, answeredAt !== null && !masked);

  if (masked) return <Text role="status">{strings.Status_Masked}</Text>;

  const topicKey = topic !== null && topic >= 1 && topic <= 8 ? (`Topic_${topic}` as CallPanelStringKey) : 'Topic_Unknown';
  const elapsed = answeredAt ? (now - answeredAt.getTime()) / 1000 : 0;
  const over = answeredAt !== null && elapsed >= thresholdSeconds;

  return (
    <section aria-label={strings.Header_Topic}>
      <div className={mergeClasses(styles.header, narrow && styles.narrow)}>
        <div className={styles.topic}>
          <Text size={200}>{strings.Header_Topic}</Text>
          <Text size={500} weight="semibold" data-testid="call-topic">
            {topic !== null && topicKey !== 'Topic_Unknown' ? `${topic}. ${strings[topicKey]}` : strings.Topic_Unknown}
          </Text>
        </div>
        <div
          role="timer"
          aria-label={over ? `${strings.Timer_Label}: ${strings.Timer_Over}` : strings.Timer_Label}
          data-over={over ? 'true' : 'false'}
        >
          <Text size={600} weight="semibold" className={mergeClasses(styles.timer, over && styles.over)} data-testid="call-timer">
            {answeredAt ? formatElapsed(elapsed) : strings.Timer_NotStarted}
          </Text>
        </div>
      </div>
      {greeting.trim().length > 0 && (
        <div className={styles.greeting} aria-label={strings.Header_Greeting}>
          <Text>{greeting}</Text>
        </div>
      )}
    </section>
  );
}
