import { Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import './call-announcer.scss';

/**
 * An assertive live region that is always on the page (a region that appears together with its
 * text is often not read out): screen readers announce "请 A007 到服务台" when the text changes.
 */
export function CallAnnouncer({ text }: { text: string }) {
  return (
    <View className="bdb-call-announcer" {...a11y({ live: 'assertive' })}>
      <Text>{text}</Text>
    </View>
  );
}
