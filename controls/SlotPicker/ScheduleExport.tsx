import * as React from 'react';
import { Button, Field, makeStyles, Radio, RadioGroup, Select, Spinner, tokens } from '@fluentui/react-components';
import { ScheduleExportBy, type Lang, type ScheduleExportFormat } from '@eer/contract';
import { ErrorBar, errorView } from '../shared/components/ErrorBar';
import type { Strings } from '../shared/pcf/strings';
import { shortDate } from '../shared/components/calendarText';
import type { SlotPickerStringKey } from './strings';
import type { ScheduleExportModel } from './useScheduleExport';

export interface ScheduleExportProps {
  model: ScheduleExportModel;
  from: string;
  to: string;
  lang: Lang;
  disabled: boolean;
  strings: Strings<SlotPickerStringKey>;
}

const BY_KEY: Record<ScheduleExportBy, SlotPickerStringKey> = {
  department: 'Export_ByDepartment',
  organisation: 'Export_ByOrganisation',
  locality: 'Export_ByLocality',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  target: { minWidth: '220px', flexGrow: 1 },
  full: { flexBasis: '100%' },
});

/**
 * «Выгрузить расписание» (manual §4.1–4.2): scope (department, MO, locality), which one, CSV or XLSX, for the
 * search interval. The file downloads under the name the function app gives.
 */
export function ScheduleExport({ model, from, to, lang, disabled, strings: s }: ScheduleExportProps): JSX.Element {
  const styles = useStyles();
  const error = errorView(model.error ?? model.targetsError, lang);
  const issue = model.issues[0];
  const errorStrings = { correlationId: s.Error_CorrelationId, retry: s.Error_Retry, dismiss: s.Error_Dismiss };
  return (
    <div className={styles.root} data-testid="schedule-export">
      <Field label={s.Export_By}>
        <RadioGroup layout="horizontal" value={model.by} onChange={(_e, data) => model.setBy(data.value as ScheduleExportBy)}>
          {ScheduleExportBy.options.map((by) => (
            <Radio key={by} value={by} label={s[BY_KEY[by]]} disabled={disabled} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        className={styles.target}
        label={s[BY_KEY[model.by]]}
        validationMessage={issue && issue.field === 'id' ? issue.message : undefined}
      >
        {model.targetsStatus === 'loading' || model.targetsStatus === 'waiting' ? (
          <Spinner size="tiny" label={s.Export_Loading} labelPosition="after" />
        ) : (
          <Select value={model.targetId ?? ''} disabled={disabled || model.targets.length === 0} onChange={(_e, data) => model.setTargetId(data.value)}>
            {model.targets.length === 0 && <option value="">{s.Export_NoTargets}</option>}
            {model.targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={s.Export_Format}>
        <RadioGroup layout="horizontal" value={model.format} onChange={(_e, data) => model.setFormat(data.value as ScheduleExportFormat)}>
          <Radio value="xlsx" label="XLSX" disabled={disabled} />
          <Radio value="csv" label="CSV" disabled={disabled} />
        </RadioGroup>
      </Field>
      <Button
        appearance="secondary"
        disabled={disabled || model.busy || model.targetId === null}
        icon={model.busy ? <Spinner size="tiny" /> : undefined}
        onClick={model.run}
        title={s.Export_Period.replace('{0}', shortDate(from, lang)).replace('{1}', shortDate(to, lang))}
      >
        {s.Export_Run}
      </Button>
      {issue && issue.field !== 'id' && <div className={styles.full}>{issue.message}</div>}
      {error && (
        <div className={styles.full}>
          <ErrorBar error={error} title={s.Error_Export} strings={errorStrings} onRetry={model.targetsError ? model.retryTargets : model.run} />
        </div>
      )}
    </div>
  );
}
