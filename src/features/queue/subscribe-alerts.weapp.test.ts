import { requestSubscribeMessage, resetTaroDouble } from '../../../tests/doubles/taro';
import { alertTemplateIds, requestQueueAlerts } from './subscribe-alerts.weapp';

const KEYS = [
  'TARO_APP_TMPL_QUEUE_THREE_AHEAD',
  'TARO_APP_TMPL_QUEUE_YOUR_TURN',
  'TARO_APP_TMPL_FOLLOW_UP',
] as const;
const saved = KEYS.map((k) => process.env[k]);

beforeEach(() => {
  resetTaroDouble();
  for (const k of KEYS) delete process.env[k];
});

afterAll(() => {
  KEYS.forEach((k, i) => {
    if (saved[i] === undefined) delete process.env[k];
    else process.env[k] = saved[i];
  });
});

describe('queue notice permission (weapp)', () => {
  it('asks for the configured templates only', async () => {
    process.env.TARO_APP_TMPL_QUEUE_THREE_AHEAD = 'tmpl-near';
    process.env.TARO_APP_TMPL_QUEUE_YOUR_TURN = 'tmpl-turn';
    process.env.TARO_APP_TMPL_FOLLOW_UP = '';
    expect(alertTemplateIds()).toEqual(['tmpl-near', 'tmpl-turn']);
    await requestQueueAlerts();
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-near', 'tmpl-turn'] });
  });

  it('asks nothing when no template is configured', async () => {
    await requestQueueAlerts();
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('never blocks joining when the resident declines', async () => {
    process.env.TARO_APP_TMPL_QUEUE_YOUR_TURN = 'tmpl-turn';
    requestSubscribeMessage.mockRejectedValueOnce({
      errMsg: 'requestSubscribeMessage:fail cancel',
    });
    await expect(requestQueueAlerts()).resolves.toBeUndefined();
  });
});
