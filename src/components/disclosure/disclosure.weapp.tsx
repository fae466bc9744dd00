/**
 * The mini-program's folded section: WeChat's screen reader hears aria-expanded (see
 * disclosure.tsx). Taro's View template drops `hidden`, so a class folds the panel; its content
 * mounts on the first open (not in the first screen's nodes and setData) and then stays, keeping
 * a half-filled form when folded again.
 */
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { a11y } from '@/lib/a11y';
import { panelId, type DisclosureProps } from './disclosure-props';
import './disclosure.scss';

export type { DisclosureProps } from './disclosure-props';

export function Disclosure({ id, title, summary, children }: DisclosureProps) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const panel = panelId(id);
  return (
    <View className={`bdb-disclosure${open ? ' bdb-disclosure--open' : ''}`}>
      <Button
        className="bdb-disclosure__toggle"
        onClick={() => {
          setOpened(true);
          setOpen((was) => !was);
        }}
        {...a11y({ expanded: open, controls: panel })}
      >
        <Text className="bdb-disclosure__title">{title}</Text>
        {summary ? <Text className="bdb-disclosure__summary">{summary}</Text> : null}
      </Button>
      <View
        id={panel}
        className={`bdb-disclosure__panel${open ? '' : ' bdb-disclosure__panel--folded'}`}
        hidden={!open}
      >
        {opened ? children : null}
      </View>
    </View>
  );
}
