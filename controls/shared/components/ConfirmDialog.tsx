import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
} from '@fluentui/react-components';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, in words the user checks before confirming. */
  children?: React.ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** The action runs: the confirm button shows a spinner and both buttons wait. */
  busy?: boolean;
  /** Spoken while busy. */
  busyLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal Fluent dialog asking to confirm one action. Keyboard: focus starts on the confirm button, Enter confirms,
 * Esc or the cancel button closes; focus is trapped inside and returns to where it was before (see below).
 */
export function ConfirmDialog(props: ConfirmDialogProps): JSX.Element {
  const { open, title, children, confirmLabel, cancelLabel, busy = false, busyLabel, onConfirm, onCancel } = props;
  const confirmRef = React.useRef<HTMLButtonElement>(null);
  // Where focus was before opening, read while rendering: by the time effects run the dialog has taken focus.
  const returnTo = React.useRef<HTMLElement | null>(null);
  const wasOpen = React.useRef(false);
  if (open && !wasOpen.current) returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  wasOpen.current = open;
  // The dialog focuses its surface once open (versions differ); the confirm button takes focus right after it,
  // and on close focus goes back to the opener unless something else took it.
  React.useEffect(() => {
    if (!open) return undefined;
    const back = returnTo.current;
    const timer = setTimeout(() => confirmRef.current?.focus(), 0);
    return () => {
      clearTimeout(timer);
      setTimeout(() => {
        const now = document.activeElement;
        if (back?.isConnected && (now === null || now === document.body)) back.focus();
      }, 0);
    };
  }, [open]);
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open && !busy) onCancel();
      }}
    >
      <DialogSurface aria-busy={busy}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={onConfirm}
              icon={busy ? <Spinner size="tiny" aria-label={busyLabel} /> : undefined}
              data-testid="confirm-dialog-confirm"
              ref={confirmRef}
            >
              {confirmLabel}
            </Button>
            <Button appearance="secondary" disabled={busy} onClick={onCancel}>
              {cancelLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
