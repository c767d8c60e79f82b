/**
 * The pieces every form control draws the same way: a text field with its contract message, the primary submit
 * button with its shortcut, Ctrl+Enter from any field, the caret put in the first field to fix, the summary in the
 * confirmation, and the notice of what was made with its live delivery state.
 */
import * as React from 'react';
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Delivery } from '../hooks/useOutboxStatus';
import type { DeliveryState } from '../records/callRecords';
import { format } from '../pcf/strings';
import { KeyHint } from './KeyHint';
import { MaskedInput } from './MaskedInput';
import { PHONE_MASK } from './phoneMask';

/** Ctrl+Enter (⌘+Enter) anywhere in the form submits it. */
export function submitOnCtrlEnter(submit: () => void): (event: React.KeyboardEvent) => void {
  return (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      submit();
    }
  };
}

export type FieldRefs<F extends string> = React.MutableRefObject<Partial<Record<F, HTMLElement | null>>>;

/**
 * The fields' elements by name; a refused submit (a new `issueVersion`) puts the caret in the first field of
 * `order` with an issue. `first` overrides the choice (a field message that is not an issue, e.g. an unknown address).
 */
export function useFirstIssueFocus<F extends string>(issueVersion: number, issues: Partial<Record<F, string>>, order: readonly F[], first?: F | null): FieldRefs<F> {
  const refs = React.useRef<Partial<Record<F, HTMLElement | null>>>({});
  React.useEffect(() => {
    if (issueVersion === 0) return;
    const field = first ?? order.find((f) => issues[f] !== undefined);
    if (field) refs.current[field]?.focus();
    // only on a new refusal, not on every edit
  }, [issueVersion]);
  return refs;
}

/** After a send, the focus goes to «new …», so the next request is one Enter away. */
export function useFocusWhen(done: unknown): React.RefObject<HTMLButtonElement> {
  const button = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => {
    if (done) button.current?.focus();
  }, [done]);
  return button;
}

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The contract's message for this field. */
  issue?: string;
  required?: boolean;
  hint?: string;
  disabled: boolean;
  maxLength: number;
  /** A Textarea (complaints, comments) instead of one line. */
  multiline?: boolean;
  inputRef?: (element: HTMLInputElement | HTMLTextAreaElement | null) => void;
  className?: string;
  inputMode?: 'decimal' | 'text';
  onBlur?: () => void;
  onKeyDown?: (event: React.KeyboardEvent<HTMLInputElement>) => void;
}

/** What a form's text field takes from the form's state: its value, message, element and change. */
export type FieldBinding = Pick<TextFieldProps, 'value' | 'issue' | 'inputRef' | 'onChange' | 'disabled'>;

/** The names of a form's text fields (those whose value is a string). */
export type TextFieldName<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/** Binds fields by name to a form's state, so a view names each field once: `<TextField {...bind('phone')} … />`. */
export function fieldBinder<T>(form: {
  fields: T;
  issues: Partial<Record<keyof T & string, string>>;
  refs: FieldRefs<keyof T & string>;
  setField: (name: TextFieldName<T>, value: string) => void;
  disabled: boolean;
}): (name: TextFieldName<T>) => FieldBinding {
  return (name) => ({
    value: form.fields[name] as string,
    issue: form.issues[name],
    inputRef: (element) => void (form.refs.current[name] = element),
    onChange: (value) => form.setField(name, value),
    disabled: form.disabled,
  });
}

/** A labelled text input (or textarea) with its hint and its message; autocomplete off (personal data). */
export function TextField(props: TextFieldProps): JSX.Element {
  const { label, value, onChange, issue, required, hint, disabled, maxLength, multiline, inputRef, className, inputMode, onBlur, onKeyDown } = props;
  return (
    <Field className={className} label={label} required={required} hint={hint} validationState={issue ? 'error' : 'none'} validationMessage={issue}>
      {multiline ? (
        <Textarea ref={inputRef} value={value} disabled={disabled} resize="vertical" maxLength={maxLength} onChange={(_e, d) => onChange(d.value)} />
      ) : (
        <Input
          ref={inputRef}
          value={value}
          disabled={disabled}
          autoComplete="off"
          inputMode={inputMode}
          maxLength={maxLength}
          onChange={(_e, d) => onChange(d.value)}
          onBlur={onBlur}
          onKeyDown={onKeyDown}
        />
      )}
    </Field>
  );
}

/** A labelled phone field with the «+7 (XXX) XXX-XX-XX» mask, bound like a text field. */
export function PhoneField(props: FieldBinding & { label: string; hint?: string; required?: boolean }): JSX.Element {
  const { label, hint, required, value, issue, inputRef, onChange, disabled } = props;
  return (
    <Field label={label} hint={hint} required={required} validationState={issue ? 'error' : 'none'} validationMessage={issue}>
      <MaskedInput ref={inputRef} mask={PHONE_MASK} inputMode="tel" value={value} disabled={disabled} onValueChange={onChange} />
    </Field>
  );
}

export interface SubmitButtonProps {
  label: string;
  /** The visible shortcut, e.g. «Ctrl+Enter». */
  keys: string;
  onClick: () => void;
  disabled: boolean;
  sending: boolean;
  describedBy?: string;
  testId?: string;
}

/** The form's primary action: a spinner while sending, Ctrl+Enter announced and shown. */
export function SubmitButton({ label, keys, onClick, disabled, sending, describedBy, testId = 'submit' }: SubmitButtonProps): JSX.Element {
  return (
    <Button
      appearance="primary"
      disabled={disabled}
      onClick={onClick}
      aria-describedby={describedBy}
      icon={sending ? <Spinner size="tiny" /> : undefined}
      aria-keyshortcuts="Control+Enter"
      data-testid={testId}
    >
      {label}
      <KeyHint keys={keys} />
    </Button>
  );
}

const useStyles = makeStyles({
  summary: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0, marginTop: tokens.spacingVerticalS },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' },
  status: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', rowGap: tokens.spacingVerticalXXS },
});

/** What the operator confirms, as term/value rows; a row without a value is left out. */
export function Summary({ rows, testId = 'confirm-summary' }: { rows: ReadonlyArray<readonly [string, React.ReactNode]>; testId?: string }): JSX.Element {
  const styles = useStyles();
  return (
    <dl className={styles.summary} data-testid={testId}>
      {rows
        .filter(([, value]) => value !== undefined && value !== null && value !== '' && value !== false)
        .map(([term, value]) => (
          <React.Fragment key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </React.Fragment>
        ))}
    </dl>
  );
}

/** The words of the delivery states: `Status_Label`, `Status_<state>` and `Status_Reason` («Причина: {0}») of a control's resx. */
export interface DeliveryStrings {
  label: string;
  states: Record<DeliveryState, string>;
  reason: string;
}

const STATE_COLOR: Record<DeliveryState, 'warning' | 'informative' | 'success' | 'danger'> = {
  queued: 'warning',
  accepted: 'informative',
  delivered: 'success',
  failed: 'danger',
};

/** The delivery state as a badge, announced when it changes (the outbox is read in the background), with the reason. */
export function DeliveryBadge({ delivery, strings, testId = 'delivery-status' }: { delivery: Delivery; strings: DeliveryStrings; testId?: string }): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.status} role="status" aria-live="polite" aria-atomic="true">
      <Badge appearance="tint" color={STATE_COLOR[delivery.state]} data-testid={testId} data-state={delivery.state}>
        {`${strings.label}: ${strings.states[delivery.state]}`}
      </Badge>
      {delivery.reason && delivery.state !== 'delivered' && delivery.state !== 'accepted' && (
        <span data-testid={`${testId}-reason`}>{format(strings.reason, delivery.reason)}</span>
      )}
    </div>
  );
}

export interface DoneNoticeProps {
  title: string;
  children: React.ReactNode;
  /** The request's delivery, when it has one (vaccinations are answered at once). */
  delivery?: Delivery | null;
  strings?: DeliveryStrings;
  testId?: string;
}

/** The notice that the request is made: success, or a warning once it failed; the delivery badge beside it. */
export function DoneNotice({ title, children, delivery, strings, testId = 'done' }: DoneNoticeProps): JSX.Element {
  return (
    <MessageBar intent={delivery?.state === 'failed' ? 'warning' : 'success'} layout="multiline" politeness="polite" data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
      </MessageBarBody>
      {delivery && strings && (
        <MessageBarActions>
          <DeliveryBadge delivery={delivery} strings={strings} />
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** The delivery words of a control whose resx has the `Status_*` keys. */
export function deliveryStrings(s: Record<'Status_Label' | 'Status_queued' | 'Status_accepted' | 'Status_delivered' | 'Status_failed' | 'Status_Reason', string>): DeliveryStrings {
  return {
    label: s.Status_Label,
    states: { queued: s.Status_queued, accepted: s.Status_accepted, delivered: s.Status_delivered, failed: s.Status_failed },
    reason: s.Status_Reason,
  };
}
