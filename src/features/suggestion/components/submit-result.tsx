import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import type { Suggestion } from '@/types/contract';
import { mySuggestionsUrl } from '../model/urls';
import './submit-result.scss';

export interface SubmitResultProps {
  suggestion: Suggestion;
  /** Back to an empty form. */
  onAgain: () => void;
}

/** "建议已提交" with the receipt number in big type, and the way to 我的建议. */
export function SubmitResult({ suggestion, onAgain }: SubmitResultProps) {
  return (
    <View className="bdb-submit-result" {...a11y({ role: 'status', live: 'polite' })}>
      <Text className="bdb-submit-result__icon" {...a11y({ hidden: true })}>
        ✓
      </Text>
      <Text className="bdb-submit-result__title">建议已提交</Text>
      <Text className="bdb-submit-result__receipt">{`回执号 ${suggestion.receipt}`}</Text>
      <Text className="bdb-submit-result__note">
        {`类别：${suggestion.categoryName}。社区会逐条查看并答复，进展和答复都在“我的建议”里；打电话问社区时，报这个回执号就行。`}
      </Text>
      <View className="bdb-submit-result__actions">
        <BigButton onClick={() => void Taro.navigateTo({ url: mySuggestionsUrl() })}>
          查看我的建议
        </BigButton>
        <BigButton variant="secondary" onClick={onAgain}>
          再提一条
        </BigButton>
      </View>
    </View>
  );
}
