/**
 * A section folded away until opened (H5): a real <button> with aria-expanded and aria-controls,
 * so it takes focus and opens with Enter or Space (Taro H5's Button is a web component with
 * neither). disclosure.weapp.tsx is the mini-program twin. The panel stays mounted while folded,
 * so a form half filled in keeps what was typed.
 */
import { View } from '@tarojs/components';
import { useState } from 'react';
import { panelId, type DisclosureProps } from './disclosure-props';
import './disclosure.scss';

export type { DisclosureProps } from './disclosure-props';

export function Disclosure({ id, title, summary, children }: DisclosureProps) {
  const [open, setOpen] = useState(false);
  const panel = panelId(id);
  return (
    <View className={`bdb-disclosure${open ? ' bdb-disclosure--open' : ''}`}>
      <button
        type="button"
        className="bdb-disclosure__toggle"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen((was) => !was)}
      >
        <span className="bdb-disclosure__title">{title}</span>
        {summary ? <span className="bdb-disclosure__summary">{summary}</span> : null}
      </button>
      <div id={panel} className="bdb-disclosure__panel" hidden={!open}>
        {children}
      </div>
    </View>
  );
}
