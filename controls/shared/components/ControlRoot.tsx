import * as React from 'react';
import { FluentProvider, IdPrefixProvider, makeStyles, type Theme } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { width: '100%', boxSizing: 'border-box', backgroundColor: 'transparent' },
});

export interface ControlRootProps {
  /** Unique per control instance so Fluent ids never collide when two controls share a form. */
  idPrefix: string;
  theme: Theme;
  children?: React.ReactNode;
}

/** Every control renders inside this: its own id prefix and the host's theme. */
export function ControlRoot({ idPrefix, theme, children }: ControlRootProps): JSX.Element {
  const styles = useStyles();
  return (
    <IdPrefixProvider value={idPrefix}>
      <FluentProvider theme={theme} className={styles.root}>
        {children}
      </FluentProvider>
    </IdPrefixProvider>
  );
}
