import { render, screen } from '@testing-library/react';
import { Card } from '../card/card';
import { Section } from '../section/section';
import { Page } from './page';

describe('Page, Section and Card', () => {
  it('a page is one main landmark with one level-1 heading; sections are level 2', () => {
    render(
      <Page title="建议处理">
        <Section title="待处理" hint="按提交时间排">
          <Card title="S-0042" actions={<button type="button">答复</button>}>
            希望周五也开放
          </Card>
        </Section>
      </Page>,
    );
    const main = screen.getByRole('main');
    expect(main.tagName).toBe('MAIN');
    const h1 = screen.getAllByRole('heading', { level: 1 });
    expect(h1.map((h) => h.textContent)).toEqual(['建议处理']);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('待处理');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('S-0042');
    expect(main.contains(screen.getByRole('button', { name: '答复' }))).toBe(true);
  });

  it('a title the page draws elsewhere is for screen readers only', () => {
    render(
      <Page title="金色里程社区 今晚服务" titleVisible={false}>
        <span>金色里程社区</span>
      </Page>,
    );
    const h1 = screen.getByRole('heading', { level: 1, name: '金色里程社区 今晚服务' });
    expect(h1.classList.contains('bdb-visually-hidden')).toBe(true);
  });

  it('makes Taro H5’s scrolling page container focusable and names it', () => {
    const scroller = document.createElement('div');
    scroller.className = 'taro_page';
    document.body.appendChild(scroller);
    render(<Page title="我的预约">…</Page>, { container: scroller });
    expect(scroller.getAttribute('tabindex')).toBe('0');
    expect(scroller.getAttribute('aria-label')).toBe('我的预约');
    scroller.remove();
  });
});
