import * as React from 'react';
import {
  Button,
  Dropdown,
  Field,
  Option,
  Skeleton,
  SkeletonItem,
  Spinner,
  Textarea,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { CallType } from '@eer/contract';
import type { Strings } from '../shared/pcf/strings';
import type { CallPanelStringKey } from './strings';

export interface WrapUpValue {
  callType: string;
  comment: string;
}

export interface WrapUpFormProps {
  /** null while the list loads. */
  callTypes: readonly CallType[] | null;
  value: WrapUpValue;
  issues: Partial<Record<keyof WrapUpValue, string>>;
  busy: boolean;
  disabled: boolean;
  strings: Strings<CallPanelStringKey>;
  onChange: (value: WrapUpValue) => void;
  onSubmit: () => void;
}

const useStyles = makeStyles({
  heading: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
});

/**
 * Manual §8: the call type (keyboard: focus lands on it; arrows, typing the first letters, Enter), an optional
 * comment (2), Завершить обращение (3). Ctrl+Enter anywhere in the form submits.
 */
export function WrapUpForm(props: WrapUpFormProps): JSX.Element {
  const { callTypes, value, issues, busy, disabled, strings, onChange, onSubmit } = props;
  const styles = useStyles();
  const typeRef = React.useRef<HTMLButtonElement>(null);
  const loaded = callTypes !== null;
  React.useEffect(() => {
    if (loaded) typeRef.current?.focus();
  }, [loaded]);

  const selected = callTypes?.find((t) => t.key === value.callType);
  const locked = disabled || busy;
  return (
    <form
      className={styles.form}
      aria-label={strings.Wrap_Title}
      data-testid="wrap-up"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!locked) onSubmit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.ctrlKey && !locked) {
          e.preventDefault();
          onSubmit();
        }
      }}
    >
      <Text className={styles.heading} as="h3" size={400} weight="semibold">
        {strings.Wrap_Title}
      </Text>
      {callTypes === null ? (
        <Skeleton aria-label={strings.Wrap_Loading}>
          <SkeletonItem size={32} />
        </Skeleton>
      ) : (
        <Field
          label={strings.Wrap_CallType}
          required
          validationState={issues.callType ? 'error' : 'none'}
          validationMessage={issues.callType ?? (callTypes.length === 0 ? strings.Wrap_NoTypes : undefined)}
        >
          <Dropdown
            ref={typeRef}
            placeholder={strings.Wrap_CallTypePlaceholder}
            value={selected?.name ?? ''}
            selectedOptions={selected ? [selected.key] : []}
            disabled={locked}
            onOptionSelect={(_e, data) => onChange({ ...value, callType: data.optionValue ?? '' })}
          >
            {callTypes.map((t) => (
              <Option key={t.key} value={t.key}>
                {t.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field label={strings.Wrap_Comment} validationState={issues.comment ? 'error' : 'none'} validationMessage={issues.comment}>
        <Textarea
          value={value.comment}
          maxLength={2000}
          resize="vertical"
          disabled={locked}
          onChange={(_e, data) => onChange({ ...value, comment: data.value })}
        />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={locked || callTypes === null} aria-keyshortcuts="Control+Enter">
          {strings.Wrap_Submit}
        </Button>
        {busy && <Spinner size="tiny" label={strings.Wrap_Saving} labelPosition="after" />}
      </div>
    </form>
  );
}
