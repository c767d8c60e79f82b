import * as React from 'react';
import { MessageBar, MessageBarBody, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Announcement, CallNotification, Lang } from '@eer/contract';
import { ConnectionBadge, type ConnectionStatus } from '../shared/components/ConnectionBadge';
import { ErrorBar, type ErrorView } from '../shared/components/ErrorBar';
import type { Strings } from '../shared/pcf/strings';
import { Announcements } from './Announcements';
import { IncomingCall, type ClaimPhase } from './IncomingCall';
import type { CallPanelStringKey } from './strings';

export interface WorkspaceViewProps {
  connection: ConnectionStatus;
  /** The call shown (the oldest waiting), null while waiting. */
  offer: CallNotification | null;
  queued: number;
  phase: ClaimPhase;
  announcements: readonly Announcement[];
  announcementsLoading: boolean;
  /** A short notice after a failed claim («Звонок уже принял другой оператор»). */
  notice: string | null;
  error: { view: ErrorView; title: string; onRetry?: () => void } | null;
  /** What screen readers hear: the new call or announcement. */
  liveText: string;
  readOnly: boolean;
  narrow: boolean;
  lang: Lang;
  now: Date;
  strings: Strings<CallPanelStringKey>;
  onAnswer: () => void;
  onDecline: () => void;
  onDismissError: () => void;
}

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  columns: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalXL, alignItems: 'start' },
  stacked: { gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalL },
  block: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
  srOnly: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/** Manual §2, fig. 1–2: the operator's start window — connection, incoming call, current information. */
export function WorkspaceView(props: WorkspaceViewProps): JSX.Element {
  const { connection, offer, queued, phase, announcements, announcementsLoading, notice, error, liveText, readOnly, narrow, lang, now, strings } = props;
  const styles = useStyles();
  return (
    <div className={styles.root} data-testid="workspace" data-layout={narrow ? 'narrow' : 'wide'}>
      <div className={styles.srOnly} aria-live="assertive" data-testid="workspace-live">
        {liveText}
      </div>
      <div className={styles.header}>
        <Text className={styles.heading} as="h2" size={500} weight="semibold">
          {strings.Waiting_Title}
        </Text>
        <ConnectionBadge
          status={connection}
          title={strings.Connection_Title}
          labels={{
            connecting: strings.Connection_connecting,
            connected: strings.Connection_connected,
            reconnecting: strings.Connection_reconnecting,
            disconnected: strings.Connection_disconnected,
          }}
        />
      </div>
      {error && (
        <ErrorBar
          error={error.view}
          title={error.title}
          strings={{ correlationId: strings.Error_CorrelationId, retry: strings.Error_Retry, dismiss: strings.Error_Dismiss }}
          onRetry={error.onRetry}
          onDismiss={props.onDismissError}
        />
      )}
      {notice && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <div className={mergeClasses(styles.columns, narrow && styles.stacked)}>
        <div className={styles.block}>
          {offer ? (
            <IncomingCall
              offer={offer}
              queued={queued}
              phase={phase}
              disabled={readOnly}
              narrow={narrow}
              lang={lang}
              now={now}
              strings={strings}
              onAnswer={props.onAnswer}
              onDecline={props.onDecline}
            />
          ) : (
            <Text className={styles.muted} data-testid="waiting-text">
              {readOnly ? strings.Waiting_ReadOnly : strings.Waiting_Text}
            </Text>
          )}
        </div>
        <section className={styles.block} aria-label={strings.News_Title}>
          <Text className={styles.heading} as="h3" size={400} weight="semibold">
            {strings.News_Title}
          </Text>
          <Announcements items={announcements} loading={announcementsLoading} lang={lang} strings={strings} />
        </section>
      </div>
    </div>
  );
}
