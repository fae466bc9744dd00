import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { tabStops } from '@/test-utils/tab-stops';
import { Switch } from '../switch/switch';
import { CheckChip, RadioChips } from './chip-group';

type Mood = 'good' | 'fair' | 'poor';
const CHOICES = [
  { value: 'good' as const, text: '满意' },
  { value: 'fair' as const, text: '一般' },
  { value: 'poor' as const, text: '不满意' },
];

function Moods({
  initial = null,
  disabled = false,
}: {
  initial?: Mood | null;
  disabled?: boolean;
}) {
  const [value, setValue] = useState<Mood | null>(initial);
  return (
    <RadioChips
      label="满意度"
      choices={CHOICES}
      value={value}
      onChange={setValue}
      disabled={disabled}
    />
  );
}

const checked = (name: string) =>
  screen.getByRole('radio', { name: new RegExp(name) }).getAttribute('aria-checked');

describe('RadioChips', () => {
  it('is a named radiogroup of radios; one is checked, by tick and aria-checked', () => {
    render(<Moods initial="fair" />);
    expect(screen.getByRole('radiogroup', { name: '满意度' })).toBeTruthy();
    expect(screen.getAllByRole('radio')).toHaveLength(3);
    expect(checked('^一般')).toBe('true');
    expect(checked('^满意')).toBe('false');
    expect(screen.getByRole('radio', { checked: true }).textContent).toBe('✓ 一般');
  });

  it('has one Tab stop: the checked chip, or the first while none is', () => {
    const { container, unmount } = render(<Moods />);
    expect(tabStops(container).map((el) => el.textContent)).toEqual(['满意']);
    unmount();
    const again = render(<Moods initial="poor" />);
    expect(tabStops(again.container).map((el) => el.textContent)).toEqual(['✓ 不满意']);
  });

  it('arrow keys move focus and choose, wrapping at the ends; Home and End jump', () => {
    const { container } = render(<Moods initial="good" />);
    const [good, fair, poor] = screen.getAllByRole('radio');
    good!.focus();
    fireEvent.keyDown(good!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(fair);
    expect(fair!.getAttribute('aria-checked')).toBe('true');
    expect(tabStops(container)).toEqual([fair]);
    fireEvent.keyDown(fair!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(poor);
    fireEvent.keyDown(poor!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(good);
    expect(good!.getAttribute('aria-checked')).toBe('true');
    fireEvent.keyDown(good!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(poor);
    fireEvent.keyDown(poor!, { key: 'Home' });
    expect(document.activeElement).toBe(good);
    fireEvent.keyDown(good!, { key: 'End' });
    expect(poor!.getAttribute('aria-checked')).toBe('true');
  });

  it('a tap (or Enter/Space, which a native button turns into a click) chooses', () => {
    render(<Moods />);
    fireEvent.click(screen.getByRole('radio', { name: '不满意' }));
    expect(checked('不满意')).toBe('true');
  });

  it('when disabled, says so and changes nothing by tap or key', () => {
    render(<Moods initial="good" disabled />);
    const [good, fair] = screen.getAllByRole('radio');
    expect(good!.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(fair!);
    fireEvent.keyDown(good!, { key: 'ArrowRight' });
    expect(good!.getAttribute('aria-checked')).toBe('true');
    expect(fair!.getAttribute('aria-checked')).toBe('false');
  });

  it('speaks a chip’s own label when given', () => {
    render(
      <RadioChips
        label="王阿姨 满意度"
        choices={[{ value: 'good', text: '满意', label: '王阿姨 满意度 满意' }]}
        value={null}
        onChange={() => {}}
      />,
    );
    expect(screen.getByRole('radio', { name: '王阿姨 满意度 满意' })).toBeTruthy();
  });
});

function Toggle({ kind }: { kind: 'checkbox' | 'switch' }) {
  const [on, setOn] = useState(false);
  const toggle = () => setOn((was) => !was);
  return kind === 'switch' ? (
    <Switch checked={on} text="已到场" label="王阿姨 已到场" onToggle={toggle} />
  ) : (
    <CheckChip checked={on} text="政务服务" onToggle={toggle} />
  );
}

describe('CheckChip and Switch', () => {
  it('a checkbox is a Tab stop; a tap (Space on a native button) toggles aria-checked', () => {
    const { container } = render(<Toggle kind="checkbox" />);
    const box = screen.getByRole('checkbox', { name: '政务服务' });
    expect(box.tagName).toBe('BUTTON');
    expect(tabStops(container)).toEqual([box]);
    expect(box.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(box);
    expect(box.getAttribute('aria-checked')).toBe('true');
    expect(box.textContent).toBe('✓ 政务服务');
    fireEvent.click(box);
    expect(box.getAttribute('aria-checked')).toBe('false');
  });

  it('a switch has role switch and its label', () => {
    render(<Toggle kind="switch" />);
    const sw = screen.getByRole('switch', { name: '王阿姨 已到场' });
    fireEvent.click(sw);
    expect(sw.getAttribute('aria-checked')).toBe('true');
  });

  it('a disabled tick box stays focusable and does not toggle', () => {
    const onToggle = jest.fn();
    const { container } = render(
      <CheckChip checked={false} text="政务服务" disabled onToggle={onToggle} />,
    );
    const box = screen.getByRole('checkbox');
    expect(box.getAttribute('aria-disabled')).toBe('true');
    expect(tabStops(container)).toEqual([box]);
    fireEvent.click(box);
    expect(onToggle).not.toHaveBeenCalled();
  });
});
