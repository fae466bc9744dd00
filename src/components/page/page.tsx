/**
 * The body of every page (H5): a <main> landmark and one <h1>. Taro H5 scrolls each page inside
 * its own container (.taro_page, overflow-y: scroll), which nothing made focusable, so keyboard
 * users could not scroll it (axe: scrollable-region-focusable): the page gives it tabindex 0 and
 * its title as name. page.weapp.tsx is the mini-program twin.
 */
import { useEffect, useRef } from 'react';
import { titleClass, type PageProps } from './page-props';
import '../section/section.scss';
import './page.scss';

export type { PageProps } from './page-props';

export function Page({ title, titleVisible = true, children }: PageProps) {
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    const scroller = main.current?.closest('.taro_page');
    if (!scroller) return;
    scroller.setAttribute('tabindex', '0');
    scroller.setAttribute('role', 'group');
    scroller.setAttribute('aria-label', title);
  }, [title]);
  return (
    <main ref={main} className="bdb-page">
      <h1 className={`bdb-heading bdb-heading--1 ${titleClass(titleVisible)}`}>{title}</h1>
      {children}
    </main>
  );
}
