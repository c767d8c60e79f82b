import * as React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Field } from '@fluentui/react-components';
import type { MedicalOrganisation } from '@eer/contract';
import { OrganisationCombobox } from './OrganisationCombobox';

const ORGS: MedicalOrganisation[] = [
  { id: 'mo-1', shortName: 'ГП № 1', fullName: 'ГБУЗ «Городская поликлиника № 1»', districtId: 'd-1', address: 'г. Энск, ул. Мира, д. 1', hasHomeVisits: true },
  { id: 'mo-7', shortName: 'ЦРБ Ёлкино', fullName: 'ГБУЗ «Ёлкинская ЦРБ»', districtId: 'd-2', address: 'с. Ёлкино', hasHomeVisits: false },
];

function Harness({ onChange }: { onChange: (id: string) => void }) {
  const [value, setValue] = React.useState<string | null>(null);
  return (
    <Field label="МО">
      <OrganisationCombobox
        organisations={ORGS}
        value={value}
        onChange={(id) => {
          setValue(id);
          onChange(id);
        }}
        placeholder="Начните вводить"
        noneText="Ничего не найдено"
      />
    </Field>
  );
}

describe('OrganisationCombobox', () => {
  it('narrows by any part of the name ignoring case and ё, and chooses with the keyboard', async () => {
    const onChange = jest.fn();
    render(<Harness onChange={onChange} />);
    const user = userEvent.setup({ delay: null });
    const box = screen.getByRole('combobox', { name: 'МО' });
    await user.type(box, 'елкин');
    expect(screen.getAllByRole('option')).toHaveLength(1);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onChange).toHaveBeenCalledWith('mo-7');
    expect(box).toHaveValue('ЦРБ Ёлкино');
  });

  it('says when nothing matches', async () => {
    render(<Harness onChange={jest.fn()} />);
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('combobox', { name: 'МО' }), 'zzz');
    expect(screen.getByText('Ничего не найдено')).toBeInTheDocument();
    expect(screen.queryByText('ГП № 1')).toBeNull();
  });
});
