import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  key: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    marginLeft: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThin} solid currentColor`,
    borderRadius: tokens.borderRadiusSmall,
  },
});

/** A visible keyboard shortcut next to a button label, e.g. «Ответить Alt+A». */
export function KeyHint({ keys }: { keys: string }): JSX.Element {
  const styles = useStyles();
  return <kbd className={styles.key}>{keys}</kbd>;
}
