import * as React from 'react';
import { Badge, type BadgeProps } from '@fluentui/react-components';

/** The states of a realtime connection a user needs to tell apart. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface ConnectionBadgeProps {
  status: ConnectionStatus;
  /** Text per status (from the control's resx): the state is never told by colour alone. */
  labels: Record<ConnectionStatus, string>;
  /** Read before the state by screen readers, e.g. «Связь с сервером». */
  title: string;
}

const COLOR: Record<ConnectionStatus, BadgeProps['color']> = {
  connecting: 'informative',
  connected: 'success',
  reconnecting: 'warning',
  disconnected: 'danger',
};

/** A small badge with text showing whether pushes (calls, announcements) arrive; changes are announced politely. */
export function ConnectionBadge({ status, labels, title }: ConnectionBadgeProps): JSX.Element {
  return (
    <span role="status" aria-live="polite" aria-label={`${title}: ${labels[status]}`} data-status={status}>
      <Badge appearance="tint" shape="rounded" color={COLOR[status]} aria-hidden="true">
        {labels[status]}
      </Badge>
    </span>
  );
}
