import { stringify } from 'csv-stringify/sync';
import type { ActivityRecord, SignUpRecord } from '../ports';
import { local } from '../kernel/time';
import { displayName } from './names';

const STATUS: Record<SignUpRecord['status'], string> = {
  signed: '已报名',
  waitlisted: '候补',
  cancelled: '已取消',
};
/** How someone was checked in, in words: a self check-in without a known way is just 自助签到. */
const checkInText = (s: SignUpRecord) => {
  if (s.checkIn === 'staff') return '社工登记';
  if (s.checkIn !== 'self') return '';
  return s.checkInVia === 'scan' ? '扫码签到' : s.checkInVia === 'code' ? '输入签到码' : '自助签到';
};

/** Spreadsheets run cells starting with = + - @ as formulas; a leading quote keeps them text. */
const cell = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const when = (iso: string | null) => (iso ? local(iso).format('YYYY-MM-DD HH:mm') : '');

/**
 * The attendance sheet of a notice: one row per sign-up of each activity. UTF-8 with a BOM and
 * CRLF line ends, which is what Excel needs to open Chinese text correctly by double-click.
 */
export function attendanceCsv(
  rows: Array<{ activity: ActivityRecord; signUps: SignUpRecord[] }>,
): string {
  const records = rows.flatMap(({ activity, signUps }) =>
    signUps.map((s) => [
      cell(activity.name),
      activity.date,
      `${activity.startsAt}-${activity.endsAt}`,
      cell(activity.place),
      cell(displayName(s)),
      STATUS[s.status],
      s.attendedAt ? '是' : '否',
      when(s.attendedAt),
      checkInText(s),
      when(s.createdAt),
    ]),
  );
  return stringify(records, {
    bom: true,
    record_delimiter: 'windows',
    header: true,
    columns: [
      '活动',
      '日期',
      '时间',
      '地点',
      '姓名',
      '报名状态',
      '到场',
      '签到时间',
      '签到方式',
      '报名时间',
    ],
  });
}
