import { callStatusFromValue } from '@eer/contract';
import type { BoundCall } from './CallFormPanel';
import type { IInputs } from './generated/ManifestTypes';

export type Surface = 'workspace' | 'callForm';

/** `auto`: the call form when the record holds a call (telephony id or topic), else the start window. */
export function resolveSurface(setting: string | null | undefined, call: BoundCall): Surface {
  if (setting === 'workspace' || setting === 'callForm') return setting;
  return call.telephonyCallId !== null || call.topic !== null ? 'callForm' : 'workspace';
}

export function boundCall(p: IInputs): BoundCall {
  return {
    status: callStatusFromValue(p.status.raw),
    telephonyCallId: p.telephonyCallId.raw || null,
    topic: p.topic.raw ?? null,
    callerNumber: p.callerNumber.raw || null,
    answeredAt: p.answeredAt.raw ?? null,
    endedAt: p.endedAt.raw ?? null,
    callType: p.callType.raw || null,
    comment: p.comment.raw || null,
    patientName: p.patientName.raw || null,
  };
}
