import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { a11y } from '@/lib/a11y';
import { Heading } from '../section/section';
import './card.scss';

export interface CardProps {
  /** The card's name, a level-3 heading (a card sits in a section). */
  title?: ReactNode;
  /** Things under the title: tags, a time. */
  meta?: ReactNode;
  children?: ReactNode;
  /** Buttons at the bottom. */
  actions?: ReactNode;
  /** form: a framed block with fields (primary frame); item: one thing in a list (grey frame). */
  look?: 'item' | 'form' | 'warning';
  /** Spoken for the whole card when it is a group, e.g. "李社工 的排班". */
  label?: string;
  className?: string;
}

/** One thing on a page: a shift, a request, a form, a service's figures. */
export function Card({
  title,
  meta,
  children,
  actions,
  look = 'item',
  label,
  className,
}: CardProps) {
  return (
    <View
      className={`bdb-card bdb-card--${look} ${className ?? ''}`.trim()}
      {...(label ? a11y({ role: 'group', label }) : {})}
    >
      {title || meta ? (
        <View className="bdb-card__head">
          {title ? (
            <Heading level={3} className="bdb-card__title">
              {title}
            </Heading>
          ) : null}
          {meta}
        </View>
      ) : null}
      {children}
      {actions ? <View className="bdb-card__actions">{actions}</View> : null}
    </View>
  );
}
