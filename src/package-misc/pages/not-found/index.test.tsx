import { fireEvent, render, screen } from '@testing-library/react';
import { reLaunch, resetTaroDouble } from '../../../../tests/doubles/taro';
import NotFoundPage from './index';

beforeEach(() => resetTaroDouble());

describe('page not found', () => {
  it('says so in Chinese and leads back to tonight', () => {
    render(<NotFoundPage />);
    expect(screen.getByText('没有找到这个页面')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('重新扫描服务中心的二维码');
    // Not an alarm: nothing went wrong on the resident's side.
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '回到今晚服务' }));
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/tonight/index' });
  });
});
