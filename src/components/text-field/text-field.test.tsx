import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { tabStops } from '@/test-utils/tab-stops';
import { TextField } from './text-field';

function Phone({ error }: { error?: string }) {
  const [value, setValue] = useState('');
  return (
    <TextField
      label="社工联系电话"
      hint="居民在预约规则里能看到并拨打"
      value={value}
      onInput={setValue}
      error={error}
    />
  );
}

describe('TextField (H5)', () => {
  it('shows its label, tied to the input by <label for>, and the hint describes it', () => {
    const { container } = render(<Phone />);
    const input = screen.getByLabelText('社工联系电话');
    expect(input.tagName).toBe('INPUT');
    const label = container.querySelector('label');
    expect(label?.textContent).toBe('社工联系电话');
    expect(label?.getAttribute('for')).toBe(input.id);
    const hint = document.getElementById(input.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe('居民在预约规则里能看到并拨打');
    expect(tabStops(container)).toEqual([input]);
  });

  it('passes what is typed on, and says its problem as an alert', () => {
    render(<Phone error="请写电话号码" />);
    const input = screen.getByRole('textbox', { name: '社工联系电话' });
    fireEvent.change(input, { target: { value: '0512' } });
    expect((input as HTMLInputElement).value).toBe('0512');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('✕ 请写电话号码');
  });

  it('is a textarea when multiline', () => {
    render(<TextField label="具体内容" value="" onInput={() => {}} multiline />);
    expect(screen.getByRole('textbox', { name: '具体内容' }).tagName).toBe('TEXTAREA');
  });
});
