/** The roster rules on plain records, without a store. */
import type { CompanionRecord, LeaveRecord, ShiftRecord } from '../ports';
import {
  assignedCompanion,
  decidedLeave,
  erasedCompanion,
  erasedNote,
  firstCompanion,
  loggedShift,
  ownCompanion,
  plannedShift,
  requestedLeave,
  shiftOfWorker,
} from './rules';

/** Wednesday 2026-12-02 21:00 in Suzhou. */
const NOW = new Date('2026-12-02T13:00:00.000Z');
const shift = (fields: Partial<ShiftRecord> = {}): ShiftRecord => ({
  id: 'sh1',
  community: 'c1',
  date: '2026-12-02',
  worker: 'w1',
  name: '李社工',
  start: '16:30',
  end: '20:00',
  loggedEnd: null,
  compMinutes: 0,
  createdAt: NOW.toISOString(),
  ...fields,
});
const companion = (fields: Partial<CompanionRecord> = {}): CompanionRecord => ({
  id: 'k1',
  community: 'c1',
  date: '2026-12-02',
  userId: 'u1',
  subject: 'ticket:t1',
  about: '取号 A012',
  note: '听障',
  worker: null,
  workerName: null,
  status: 'waiting',
  createdAt: NOW.toISOString(),
  ...fields,
});
const leave = (fields: Partial<LeaveRecord> = {}): LeaveRecord => ({
  id: 'l1',
  worker: 'w1',
  name: '李社工',
  community: 'c1',
  date: '2026-12-07',
  minutes: 60,
  note: '',
  status: 'pending',
  createdAt: NOW.toISOString(),
  decidedBy: null,
  ...fields,
});

describe('the roster', () => {
  const input = { community: 'c1', date: '2026-12-02', start: '16:30', end: '20:00' };

  it('plans a shift only for a staff member of the community, ending after it starts', () => {
    const directory = [{ id: 'w1', admin: false, name: null, since: null }];
    expect(plannedShift(directory, 'w1', input, 'sh1', NOW)).toMatchObject({
      worker: 'w1',
      name: '社工（尾号 w1）',
      loggedEnd: null,
      compMinutes: 0,
    });
    expect(plannedShift(directory, 'w1', { ...input, name: '李社工' }, 'sh1', NOW).name).toBe(
      '李社工',
    );
    expect(() => plannedShift(directory, 'w2', input, 'sh1', NOW)).toThrow('本社区的社工');
    expect(() => plannedShift(directory, 'w1', { ...input, end: '16:00' }, 'sh1', NOW)).toThrow(
      '下班时间要晚于上班时间',
    );
  });

  it('logs a real end already passed and owes the minutes after 17:00', () => {
    expect(loggedShift(shift(), '20:30', NOW)).toMatchObject({
      loggedEnd: '20:30',
      compMinutes: 210,
    });
    expect(() => loggedShift(shift(), '21:30', NOW)).toThrow('不能登记以后的下班时间');
  });

  it('keeps the first companion request per subject, and shows it only to its resident', () => {
    const first = companion();
    expect(firstCompanion(first, companion({ id: 'k2' }))).toEqual({
      created: false,
      record: first,
    });
    expect(firstCompanion(null, first)).toEqual({ created: true, record: first });
    expect(ownCompanion(first, 'u1', 'ticket')).toBe(first);
    expect(() => ownCompanion(first, 'u2', 'ticket')).toThrow('没有找到这张号');
    expect(() => ownCompanion(first, 'u2', 'booking')).toThrow('没有找到这个预约');
  });

  it('assigns a worker on that evening’s roster, and erases only notes that exist', () => {
    expect(() => shiftOfWorker([shift()], 'w2')).toThrow('请先把这位社工排进这一晚的值班');
    const on = shiftOfWorker([shift()], 'w1');
    expect(assignedCompanion(companion(), on.worker, on.name)).toMatchObject({
      status: 'assigned',
      worker: 'w1',
      workerName: '李社工',
    });
    expect(erasedNote(companion())).toMatchObject({ note: '', about: '取号 A012' });
    expect(erasedNote(companion({ note: '' }))).toBeNull();
  });

  it('erases a request nobody took up whole, and leaves a taken one to its worker, anonymous', () => {
    expect(erasedCompanion(companion())).toBe('delete');
    const taken = companion({ worker: 'w1', workerName: '李社工', status: 'assigned' });
    expect(erasedCompanion(taken)).toEqual({
      ...taken,
      userId: '',
      subject: `erased:${taken.id}`,
      about: '',
      note: '',
    });
  });

  it('asks for leave within the balance not already asked for, decided once', () => {
    const worked = [shift({ compMinutes: 180 })];
    const asked = [leave({ minutes: 60 }), leave({ id: 'l0', minutes: 60, status: 'approved' })];
    const input = { community: 'c1', date: '2026-12-07', minutes: 60 };
    expect(requestedLeave(worked, asked, 'w1', input, 'l2', NOW)).toMatchObject({
      name: '李社工',
      status: 'pending',
      minutes: 60,
    });
    expect(() => requestedLeave(worked, asked, 'w1', { ...input, minutes: 61 }, 'l2', NOW)).toThrow(
      '调休余额不足：可用 60 分钟',
    );
    expect(decidedLeave(leave(), 'approved', 'admin')).toMatchObject({
      status: 'approved',
      decidedBy: 'admin',
    });
    expect(decidedLeave(leave({ status: 'refused' }), 'approved', 'admin')).toBeNull();
    expect(decidedLeave(null, 'approved', 'admin')).toBeNull();
  });
});
