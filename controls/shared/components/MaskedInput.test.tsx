import * as React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MaskedInput } from './MaskedInput';
import { SNILS_MASK } from './masks';

function Harness({ onValue }: { onValue?: (v: string) => void }) {
  const [value, setValue] = React.useState('');
  return (
    <label>
      СНИЛС
      <MaskedInput
        mask={SNILS_MASK}
        value={value}
        onValueChange={(v) => {
          setValue(v);
          onValue?.(v);
        }}
      />
    </label>
  );
}

describe('MaskedInput', () => {
  it('formats as the user types and shows the pattern as placeholder', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByLabelText('СНИЛС') as HTMLInputElement;
    expect(input).toHaveAttribute('placeholder', '___-___-___ __');
    await user.type(input, '11223344595');
    expect(input.value).toBe('112-233-445 95');
  });

  it('formats a pasted number and drops what is not a digit', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByLabelText('СНИЛС') as HTMLInputElement;
    await user.click(input);
    await user.paste('СНИЛС: 112 233 445 95');
    expect(input.value).toBe('112-233-445 95');
  });

  it('keeps the caret after the edited digit when typing in the middle', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByLabelText('СНИЛС') as HTMLInputElement;
    await user.type(input, '1123344595');
    // caret after "112" (position 3), insert the missing "2"
    input.setSelectionRange(3, 3);
    await user.keyboard('2');
    expect(input.value).toBe('112-233-445 95');
    expect(input.selectionStart).toBe(5);
  });
});
