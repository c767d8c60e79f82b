import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { CallCompletion, validate, type CallStatus, type CallType, type Lang } from '@eer/contract';
import { ErrorBar } from '../shared/components/ErrorBar';
import { format, type Strings } from '../shared/pcf/strings';
import { formatElapsed } from './callFormat';
import type { CallChanges, CallRecords } from './callRecords';
import { failureView } from './errors';
import { CallHeader, InCallView } from './InCallView';
import type { CallPanelStringKey } from './strings';
import { WrapUpForm, type WrapUpValue } from './WrapUpForm';

/** The call record as the form's bound columns hold it. */
export interface BoundCall {
  status: CallStatus | null;
  telephonyCallId: string | null;
  topic: number | null;
  callerNumber: string | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  callType: string | null;
  comment: string | null;
  patientName: string | null;
}

/** What the control writes to the bound columns (the wrapper turns them into outputs + notifyOutputChanged). */
export interface CallOutputs {
  status?: CallStatus;
  endedAt?: Date;
  durationSeconds?: number;
  callType?: string;
  comment?: string;
}

export interface CallFormPanelProps {
  call: BoundCall;
  records: CallRecords;
  /** Manifest property or resx default: used when the topic table has no greeting. */
  defaultGreeting: string;
  thresholdSeconds: number;
  readOnly: boolean;
  narrow: boolean;
  lang: Lang;
  strings: Strings<CallPanelStringKey>;
  onOutputs: (outputs: CallOutputs) => void;
  /** Opens the start window; the control is gone after it. */
  backToWorkspace: () => Promise<void>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
});

type Failure = { error: unknown; title: string; retry?: () => void } | null;

/**
 * The call form (manual §3 and §8): in the call → Завершить → call type and comment → Завершить обращение → back to
 * waiting. The phase follows the bound status; a local phase covers the moment between an output and the host's
 * next updateView.
 */
export function CallFormPanel(props: CallFormPanelProps): JSX.Element {
  const { call, records, defaultGreeting, thresholdSeconds, readOnly, narrow, lang, strings, onOutputs, backToWorkspace } = props;
  const styles = useStyles();
  const [localStatus, setLocalStatus] = React.useState<CallStatus | null>(null);
  const [localEnd, setLocalEnd] = React.useState<Date | null>(null);
  const [greeting, setGreeting] = React.useState<string | null>(null);
  const [callTypes, setCallTypes] = React.useState<CallType[] | null>(null);
  const [wrap, setWrap] = React.useState<WrapUpValue>({ callType: call.callType ?? '', comment: call.comment ?? '' });
  const [issues, setIssues] = React.useState<Partial<Record<keyof WrapUpValue, string>>>({});
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<Failure>(null);
  const [lookupAttempt, setLookupAttempt] = React.useState(0);

  const status: CallStatus | null = localStatus ?? call.status;
  // While the call runs its end is not known yet, whatever the column holds (the status is what counts).
  const endedAt = status === 'wrap_up' || status === 'completed' || status === 'abandoned' || status === 'declined' ? (localEnd ?? call.endedAt) : null;

  // Greeting of the topic: the analyst's text in eer_ivrtopic, else the default.
  React.useEffect(() => {
    let live = true;
    if (call.topic === null) {
      setGreeting(defaultGreeting);
      return undefined;
    }
    setGreeting(null);
    records.greeting(call.topic).then(
      (text) => live && setGreeting(text ?? defaultGreeting),
      () => live && setGreeting(defaultGreeting),
    );
    return () => {
      live = false;
    };
  }, [call.topic, records, defaultGreeting]);

  // Call types once the wrap-up starts; the fields start from what the record holds (a reload mid-wrap-up).
  const wrapping = status === 'wrap_up';
  const boundWrap = React.useRef({ callType: call.callType, comment: call.comment });
  boundWrap.current = { callType: call.callType, comment: call.comment };
  React.useEffect(() => {
    if (wrapping) setWrap({ callType: boundWrap.current.callType ?? '', comment: boundWrap.current.comment ?? '' });
  }, [wrapping]);
  React.useEffect(() => {
    if (!wrapping) return undefined;
    let live = true;
    records.callTypes().then(
      (types) => live && setCallTypes(types),
      (error: unknown) => {
        if (!live) return;
        setCallTypes([]);
        setFailure({ error, title: strings.Error_Lookup, retry: () => setLookupAttempt((n) => n + 1) });
      },
    );
    return () => {
      live = false;
    };
  }, [wrapping, records, lookupAttempt, strings]);

  // The record's id, found once by the bound telephony call id (documented API only, no form context).
  const recordId = React.useRef<{ telephonyCallId: string; id: string } | null>(null);
  const save = async (changes: CallChanges): Promise<void> => {
    const telephonyCallId = call.telephonyCallId;
    if (!telephonyCallId) throw new Error('no telephony call id');
    let id = recordId.current?.telephonyCallId === telephonyCallId ? recordId.current.id : null;
    if (id === null) {
      id = await records.findCallId(telephonyCallId);
      if (!id) throw new Error('call record not found');
      recordId.current = { telephonyCallId, id };
    }
    await records.updateCall(id, changes);
  };

  const timing = (): { endedAt: Date; durationSeconds: number } => {
    const end = endedAt ?? new Date();
    const durationSeconds = call.answeredAt ? Math.max(0, Math.round((end.getTime() - call.answeredAt.getTime()) / 1000)) : 0;
    return { endedAt: end, durationSeconds };
  };

  const onEnd = () => {
    const t = timing();
    setLocalEnd(t.endedAt);
    setLocalStatus('wrap_up');
    onOutputs({ status: 'wrap_up', ...t });
    // Kept in the record at once so a reload lands in the wrap-up; the completion writes these again anyway.
    save({ status: 'wrap_up', ...t }).catch((error: unknown) => setFailure({ error, title: strings.Error_Save }));
  };

  const onComplete = async () => {
    const comment = wrap.comment.trim();
    const checked = validate(CallCompletion, { callType: wrap.callType, ...(comment ? { comment } : {}) }, lang);
    if (!checked.success) {
      const next: Partial<Record<keyof WrapUpValue, string>> = {};
      for (const issue of checked.issues) {
        const field = issue.field === 'comment' ? 'comment' : 'callType';
        if (next[field] === undefined) next[field] = issue.message;
      }
      setIssues(next);
      return;
    }
    setIssues({});
    setFailure(null);
    setBusy(true);
    const t = timing();
    const completion = { status: 'completed' as const, callType: checked.data.callType, comment: checked.data.comment ?? '', ...t };
    onOutputs(completion);
    try {
      await save({ ...completion, comment: checked.data.comment ?? null });
      setLocalStatus('completed');
      await backToWorkspace();
    } catch (error) {
      setFailure({ error, title: strings.Error_Save, retry: () => void onComplete() });
    } finally {
      setBusy(false);
    }
  };

  const back = () => {
    setFailure(null);
    backToWorkspace().catch((error: unknown) => setFailure({ error, title: strings.Error_Open, retry: back }));
  };

  const header = {
    topic: call.topic,
    answeredAt: call.answeredAt,
    endedAt,
    thresholdSeconds,
    callerNumber: call.callerNumber,
    patientName: call.patientName,
    narrow,
    strings,
  };
  const failureBar = failure && failureView(failure.error, lang, strings);

  let body: React.ReactNode;
  if (status === 'wrap_up') {
    body = (
      <>
        <CallHeader {...header} />
        <WrapUpForm
          callTypes={callTypes}
          value={wrap}
          issues={issues}
          busy={busy}
          disabled={readOnly}
          strings={strings}
          onChange={(v) => {
            setWrap(v);
            setIssues({});
          }}
          onSubmit={() => void onComplete()}
        />
      </>
    );
  } else if (status === 'completed' || status === 'abandoned' || status === 'declined') {
    const duration = call.answeredAt && endedAt ? formatElapsed((endedAt.getTime() - call.answeredAt.getTime()) / 1000) : null;
    body = (
      <>
        <CallHeader {...header} />
        <MessageBar intent={status === 'completed' ? 'success' : 'warning'} layout="multiline" data-testid="call-done">
          <MessageBarBody>
            <MessageBarTitle>
              {status === 'completed' ? strings.Done_Title : status === 'abandoned' ? strings.Done_Abandoned : strings.Done_Declined}
            </MessageBarTitle>
            {duration && format(strings.Wrap_Duration, duration)}
          </MessageBarBody>
        </MessageBar>
        <div>
          <Button appearance="primary" onClick={back}>
            {strings.Done_Back}
          </Button>
        </div>
      </>
    );
  } else {
    body = <InCallView {...header} greeting={greeting} disabled={readOnly || status !== 'in_progress'} onEnd={onEnd} />;
  }

  return (
    <div className={styles.root} data-testid="call-form" data-status={status ?? 'none'} data-layout={narrow ? 'narrow' : 'wide'}>
      {failureBar && failure && (
        <ErrorBar
          error={failureBar}
          title={failure.title}
          strings={{ correlationId: strings.Error_CorrelationId, retry: strings.Error_Retry, dismiss: strings.Error_Dismiss }}
          onRetry={failure.retry}
          onDismiss={() => setFailure(null)}
        />
      )}
      {body}
    </div>
  );
}
