import { fireEvent, render, screen } from '@testing-library/react';
import { callMock } from '@/test-utils/mock-gateway';
import { navigateTo, resetTaroDouble } from '../../../../tests/doubles/taro';
import { SuggestionTonightCard } from './tonight-card';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
});

describe('说说您的想法 card', () => {
  it('leads to 居民点单 of the community without asking the server anything', () => {
    render(<SuggestionTonightCard community="jinse" pending={null} />);
    fireEvent.click(screen.getByText('居民点单'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/package-survey/pages/vote/index?c=jinse' });
    expect(callMock).not.toHaveBeenCalled();
  });

  it('keeps 提建议, 社区回音墙 and 我的建议 next to it', () => {
    render(<SuggestionTonightCard community="hu chi" pending={[]} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      '提建议',
      '社区回音墙',
      '居民点单',
      '我的建议',
    ]);
    fireEvent.click(screen.getByText('居民点单'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/package-survey/pages/vote/index?c=hu%20chi' });
  });
});
