import { lineFixture, ticketFixture } from '@/test-utils/fixtures';
import { resetServerClock, serverNow } from '@/lib/server-clock';
import { eventsUrl, subscribeLines } from './line-feed';

type Listener = (event: { data?: unknown }) => void;

/** Just enough of EventSource: listeners per event type, a readyState, close(). */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readyState = 0;
  closed = false;
  private listeners = new Map<string, Listener[]>();

  constructor(
    public url: string,
    public init?: EventSourceInit,
  ) {
    FakeEventSource.instances.push(this);
  }

  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close() {
    this.closed = true;
    this.readyState = 2;
  }

  emit(type: string, data?: unknown) {
    for (const l of this.listeners.get(type) ?? []) l({ data });
  }
}

beforeEach(() => {
  FakeEventSource.instances = [];
  Object.assign(globalThis, { EventSource: FakeEventSource });
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
  Reflect.deleteProperty(globalThis, 'EventSource');
});

const latest = () => FakeEventSource.instances[FakeEventSource.instances.length - 1];

describe('H5 line feed (EventSource)', () => {
  it('opens the community stream with cookies and hands over lines and alerts', () => {
    const onLine = jest.fn();
    const onAlert = jest.fn();
    const stop = subscribeLines('jinse', { onLine, onAlert });

    expect(latest().url).toBe('/api/queue/events?community=jinse');
    expect(latest().init).toEqual({ withCredentials: true });
    const line = lineFixture();
    const alert = { kind: 'your-turn', ticket: ticketFixture({ status: 'called' }) };
    latest().emit('line', JSON.stringify(line));
    latest().emit('alert', JSON.stringify(alert));
    expect(onLine).toHaveBeenCalledWith(line);
    expect(onAlert).toHaveBeenCalledWith(alert);

    stop();
    expect(latest().closed).toBe(true);
  });

  it('sets the server clock from the time the stream sends on connect', () => {
    subscribeLines('jinse', { onLine: jest.fn() });
    const device = Date.now();
    latest().emit('clock', JSON.stringify({ now: '2026-11-25T19:29:00+08:00' }));
    expect(serverNow() - (Date.parse('2026-11-25T19:29:00+08:00') + (Date.now() - device))).toBe(0);
    // A malformed clock changes nothing.
    latest().emit('clock', 'not json');
    latest().emit('clock', JSON.stringify({ now: 5 }));
    expect(serverNow()).toBe(Date.parse('2026-11-25T19:29:00+08:00') + (Date.now() - device));
    resetServerClock();
  });

  it('drops malformed events', () => {
    const onLine = jest.fn();
    subscribeLines('jinse', { onLine });
    latest().emit('line', 'not json');
    latest().emit('line', JSON.stringify({ community: 'jinse' }));
    expect(onLine).not.toHaveBeenCalled();
  });

  it('leaves a dropped connection to EventSource, and reopens one the server refused', () => {
    subscribeLines('jinse', { onLine: jest.fn() });
    latest().readyState = 0; // reconnecting by itself
    latest().emit('error');
    jest.advanceTimersByTime(60_000);
    expect(FakeEventSource.instances).toHaveLength(1);

    latest().readyState = 2; // gave up (e.g. an error status)
    latest().emit('error');
    jest.advanceTimersByTime(3_000);
    expect(FakeEventSource.instances).toHaveLength(2);
  });

  it('does not reopen after unsubscribing', () => {
    const stop = subscribeLines('jinse', { onLine: jest.fn() });
    latest().readyState = 2;
    latest().emit('error');
    stop();
    jest.advanceTimersByTime(120_000);
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it('uses the API base when the pages are served elsewhere', () => {
    const before = process.env.TARO_APP_API_BASE;
    process.env.TARO_APP_API_BASE = 'https://bdb.example.org';
    try {
      expect(eventsUrl('hu chi')).toBe(
        'https://bdb.example.org/api/queue/events?community=hu%20chi',
      );
    } finally {
      process.env.TARO_APP_API_BASE = before;
    }
  });
});
