/**
 * The schedule export of manual §4.1–4.2: when no schedule fits, the operator downloads the schedule of a department
 * (the patient's polyclinic department), a medical organisation or a locality for the search interval, as CSV or
 * XLSX. The file comes through the function app and is saved from a Blob URL under its Content-Disposition name.
 */
import * as React from 'react';
import { validate, ScheduleExportQuery, type FieldIssue, type Lang, type ScheduleExportBy, type ScheduleExportFormat } from '@eer/contract';
import { useDebouncedSearch, type SearchStatus } from '../shared/hooks/useDebouncedSearch';
import type { SlotApi } from './slotApi';

export interface ExportTarget {
  id: string;
  name: string;
}

export interface ScheduleExportOptions {
  api: SlotApi | null;
  /** Only when the panel is open are the lists loaded. */
  open: boolean;
  /** The patient's MO: its departments, and the default organisation. */
  moId: string | null;
  /** The department of the doctor searched, preselected when it is in the list. */
  preferredDepartmentId: string | null;
  from: string;
  to: string;
  lang: Lang;
  onSaved: (filename: string) => void;
}

export interface ScheduleExportModel {
  by: ScheduleExportBy;
  setBy: (by: ScheduleExportBy) => void;
  format: ScheduleExportFormat;
  setFormat: (format: ScheduleExportFormat) => void;
  targets: ExportTarget[];
  targetsStatus: SearchStatus;
  targetsError: unknown;
  retryTargets: () => void;
  targetId: string | null;
  setTargetId: (id: string) => void;
  issues: FieldIssue[];
  busy: boolean;
  error: unknown;
  run: () => void;
}

export function useScheduleExport(options: ScheduleExportOptions): ScheduleExportModel {
  const { api, open, moId, from, to, lang } = options;
  const [by, setByState] = React.useState<ScheduleExportBy>('department');
  const [format, setFormat] = React.useState<ScheduleExportFormat>('xlsx');
  const [chosen, setChosen] = React.useState<string | null>(null);
  const [issues, setIssues] = React.useState<FieldIssue[]>([]);
  const [state, setState] = React.useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const onSaved = React.useRef(options.onSaved);
  onSaved.current = options.onSaved;

  // Departments need the MO; without an attachment the organisation list is offered instead.
  const listQuery = api && open ? (by === 'department' ? (moId ? { by, moId } : null) : { by, moId: null }) : null;
  const lists = useDebouncedSearch<{ by: ScheduleExportBy; moId: string | null }, ExportTarget[]>(
    listQuery,
    async (q, signal) => {
      if (q.by === 'department') return (await api!.departments(q.moId!, signal)).map((d) => ({ id: d.id, name: d.name }));
      if (q.by === 'organisation') return (await api!.organisations(signal)).map((o) => ({ id: o.id, name: o.shortName }));
      return (await api!.localities(signal)).map((l) => ({ id: l.id, name: l.name }));
    },
    { delayMs: 0 },
  );
  const targets = lists.data ?? [];
  const preferred = by === 'department' ? options.preferredDepartmentId : by === 'organisation' ? moId : null;
  const targetId =
    targets.find((t) => t.id === chosen)?.id ?? targets.find((t) => t.id === preferred)?.id ?? targets[0]?.id ?? null;

  const setBy = React.useCallback((next: ScheduleExportBy) => {
    setByState(next);
    setChosen(null);
    setIssues([]);
  }, []);

  const inFlight = React.useRef(false);
  const run = React.useCallback(() => {
    if (!api || inFlight.current) return;
    const checked = validate(ScheduleExportQuery, { by, id: targetId ?? undefined, from, to, format }, lang);
    if (!checked.success) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    inFlight.current = true;
    setState({ busy: true, error: null });
    api
      .exportSchedule(checked.data)
      .then(
        (file) => {
          api.save(file);
          setState({ busy: false, error: null });
          onSaved.current(file.filename);
        },
        (error: unknown) => setState({ busy: false, error }),
      )
      .finally(() => {
        inFlight.current = false;
      });
  }, [api, by, targetId, from, to, format, lang]);

  return {
    by,
    setBy,
    format,
    setFormat,
    targets,
    targetsStatus: lists.status,
    targetsError: lists.error,
    retryTargets: lists.retry,
    targetId,
    setTargetId: setChosen,
    issues,
    busy: state.busy,
    error: state.error,
    run,
  };
}
