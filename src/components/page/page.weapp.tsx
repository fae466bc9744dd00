/** The mini-program's page body: a main landmark and one level-1 heading (see page.tsx). */
import { View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import { Heading } from '../section/section';
import { titleClass, type PageProps } from './page-props';
import './page.scss';

export type { PageProps } from './page-props';

export function Page({ title, titleVisible = true, children }: PageProps) {
  return (
    <View className="bdb-page" {...a11y({ role: 'main' })}>
      <Heading level={1} className={titleClass(titleVisible)}>
        {title}
      </Heading>
      {children}
    </View>
  );
}
