import * as React from 'react';
import { Input, type InputProps } from '@fluentui/react-components';
import type { Mask } from './masks';

export interface MaskedInputProps extends Omit<InputProps, 'value' | 'defaultValue' | 'onChange'> {
  mask: Mask;
  /** The formatted text (what the field shows). */
  value: string;
  onValueChange: (formatted: string) => void;
}

/**
 * A Fluent `Input` that lays what is typed or pasted into a mask and keeps the caret after the same digit, so
 * editing in the middle works. `inputMode` defaults to numeric for digit masks on touch devices.
 */
export const MaskedInput = React.forwardRef<HTMLInputElement, MaskedInputProps>(function MaskedInput(props, forwardedRef) {
  const { mask, value, onValueChange, ...rest } = props;
  const inner = React.useRef<HTMLInputElement | null>(null);
  const caret = React.useRef<number | null>(null);

  const setRef = React.useCallback(
    (element: HTMLInputElement | null) => {
      inner.current = element;
      if (typeof forwardedRef === 'function') forwardedRef(element);
      else if (forwardedRef) forwardedRef.current = element;
    },
    [forwardedRef],
  );

  React.useLayoutEffect(() => {
    const element = inner.current;
    if (caret.current === null || !element || element !== document.activeElement) return;
    element.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  const onChange: InputProps['onChange'] = (event) => {
    const typed = event.target.value;
    const at = event.target.selectionStart ?? typed.length;
    const formatted = mask.format(typed);
    caret.current = mask.positionAfter(formatted, mask.count(typed.slice(0, at)));
    onValueChange(formatted);
  };

  return (
    <Input
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder={mask.placeholder}
      {...rest}
      ref={setRef}
      value={value}
      onChange={onChange}
    />
  );
});
