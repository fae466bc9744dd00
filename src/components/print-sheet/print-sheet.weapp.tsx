/** The mini-program cannot print: it says where to (see print-sheet.tsx for H5). */
import { Text, View } from '@tarojs/components';
import './print-sheet.scss';

export interface PrintButtonProps {
  what: string;
}

export function PrintButton({ what }: PrintButtonProps) {
  return (
    <View className="bdb-print-sheet__actions">
      <Text className="bdb-print-sheet__hint">
        {`小程序不能打印。请在服务中心电脑上用浏览器打开八点伴网页版，登录后进入这一页，点“打印${what}”。`}
      </Text>
    </View>
  );
}
