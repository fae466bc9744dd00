/**
 * A page printed on paper (H5): 打印 opens the browser's print dialog; print-sheet.scss lays the
 * page out for one A4 sheet, black on white, without navigation or buttons. print-sheet.weapp.tsx
 * is the mini-program twin, which cannot print.
 */
import { Text, View } from '@tarojs/components';
import { BigButton } from '../big-button/big-button';
import './print-sheet.scss';

export interface PrintButtonProps {
  /** What is printed, e.g. "本周海报". */
  what: string;
}

export function PrintButton({ what }: PrintButtonProps) {
  return (
    <View className="bdb-print-sheet__actions bdb-no-print">
      <BigButton onClick={() => window.print()} label={`打印${what}`}>
        {`打印${what}`}
      </BigButton>
      <Text className="bdb-print-sheet__hint">在打印窗口选 A4 纸、纵向</Text>
    </View>
  );
}
