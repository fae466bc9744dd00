/**
 * Headings and the sections they title. A heading is Text with role heading and aria-level, which
 * both the browser (axe, screen readers) and WeChat (aria-role) read, so one file serves both.
 */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { a11y } from '@/lib/a11y';
import './section.scss';

export interface HeadingProps {
  /** 1: the page's title (components/page); 2: a section; 3: a card inside a section. */
  level: 1 | 2 | 3;
  children: ReactNode;
  className?: string;
}

export function Heading({ level, children, className }: HeadingProps) {
  return (
    <Text
      className={`bdb-heading bdb-heading--${level} ${className ?? ''}`.trim()}
      {...a11y({ role: 'heading', level })}
    >
      {children}
    </Text>
  );
}

export interface SectionProps {
  title: ReactNode;
  /** A line under the title. */
  hint?: ReactNode;
  /** 2 by default; 3 for a section inside a section. */
  level?: 2 | 3;
  children?: ReactNode;
  /** framed: a card-like box; ruled (default): a rule above, as on the desks. */
  look?: 'ruled' | 'framed' | 'plain';
  className?: string;
  titleClassName?: string;
}

/** A titled part of a page: its heading is what screen reader users jump between. */
export function Section(props: SectionProps) {
  const { title, hint, level = 2, children, look = 'ruled' } = props;
  return (
    <View className={`bdb-section bdb-section--${look} ${props.className ?? ''}`.trim()}>
      <Heading level={level} className={`bdb-section__title ${props.titleClassName ?? ''}`.trim()}>
        {title}
      </Heading>
      {hint ? <Text className="bdb-section__hint">{hint}</Text> : null}
      {children}
    </View>
  );
}
