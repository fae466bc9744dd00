import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
import { boardAddressText, boardUrl, pageOrigin } from '../model/board-address';
import './board-link.scss';

export interface BoardLinkProps {
  community: { id: string; name: string };
}

/**
 * 电视排队看板 for one community: opens the board here, and shows its address so staff can
 * type it into the TV's browser (the TV is not signed in; the board needs no account).
 */
export function BoardLink({ community }: BoardLinkProps) {
  return (
    <View className="bdb-board-link">
      <BigButton
        variant="secondary"
        onClick={() => void Taro.navigateTo({ url: boardUrl(community.id) })}
        label={`${community.name} 电视排队看板`}
      >
        电视排队看板
      </BigButton>
      <Text className="bdb-board-link__address" selectable>
        {boardAddressText(community.id, pageOrigin())}
      </Text>
    </View>
  );
}
