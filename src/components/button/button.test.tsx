import { fireEvent, render, screen } from '@testing-library/react';
import { tabStops } from '@/test-utils/tab-stops';
import { Button } from './button';
import { BigButton } from '../big-button/big-button';

describe('Button (H5)', () => {
  it('is a real button that Tab reaches and Enter or Space run (native activation)', () => {
    const onClick = jest.fn();
    const { container } = render(<Button onClick={onClick}>取号</Button>);
    const button = screen.getByRole('button', { name: '取号' });
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('type')).toBe('button');
    expect(tabStops(container)).toEqual([button]);
    button.focus();
    expect(document.activeElement).toBe(button);
    // A native button turns Enter and Space into a click; jsdom does not, so the click stands in.
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('when disabled, stays focusable, says aria-disabled and ignores taps', () => {
    const onClick = jest.fn();
    const { container } = render(
      <Button onClick={onClick} disabled label="图书阅览 取号">
        取号
      </Button>,
    );
    const button = screen.getByRole('button', { name: '图书阅览 取号' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.hasAttribute('disabled')).toBe(false);
    expect(tabStops(container)).toEqual([button]);
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('says aria-pressed only when it toggles', () => {
    const { rerender } = render(<Button onClick={() => {}}>保存</Button>);
    expect(screen.getByRole('button').hasAttribute('aria-pressed')).toBe(false);
    rerender(
      <Button onClick={() => {}} pressed>
        只看未处理
      </Button>,
    );
    expect(screen.getByRole('button', { pressed: true }).textContent).toBe('只看未处理');
  });

  it('keeps BigButton as its name for the pages, with the variant classes', () => {
    render(
      <BigButton onClick={() => {}} variant="secondary" className="bdb-x">
        返回
      </BigButton>,
    );
    const classes = [...screen.getByRole('button', { name: '返回' }).classList];
    expect(classes).toEqual(['bdb-button', 'bdb-button--secondary', 'bdb-x']);
  });
});
