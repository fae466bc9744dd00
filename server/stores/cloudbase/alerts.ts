/**
 * The alert log (the AlertLog port):
 * - alert_log/<at>_<order>_<random>: { userId, kind, ref, community, queue, date, label, at }.
 *   The `_id` starts with the instant and then a number that grows within the process, so `_id`
 *   order is "when sent, then which first" and recent() needs no sequence document (one add per
 *   alert, one query per read).
 */
import crypto from 'node:crypto';
import type { AlertKind } from '../../../contract/queue';
import type { AlertLog, SentAlertRecord } from '../../core/ports';
import { toStoredInstant } from './documents';
import { read, readAll, removeEach, text, type Reader, type Shape } from './fields';
import type { CloudDatabase } from './sdk';

/** Within one process, alerts sent in the same millisecond keep their order. */
const orderOf = () => process.hrtime.bigint().toString().padStart(20, '0');

const SENT: Shape<SentAlertRecord> = {
  kind: text as Reader<AlertKind>,
  label: text,
  at: text,
};

export function alertLog(db: CloudDatabase, names: { alert_log: string }): AlertLog {
  const log = () => db.collection(names.alert_log);
  return {
    async record(alert) {
      const at = toStoredInstant(alert.at);
      const _id = `${at}_${orderOf()}_${crypto.randomBytes(3).toString('hex')}`;
      await log().add({ data: { _id, ...alert, at } });
    },
    /** One query for the user's alerts (their ids), then one remove per alert. */
    erase: async (userId) =>
      removeEach(
        log(),
        await readAll(() => log().where({ userId }).orderBy('_id', 'asc').field({ _id: true })),
        'alert_log',
      ),
    /** One query for the oldest ids (the instant leads the `_id`), then one remove per alert. */
    async forgetBefore(cutoffAt, limit) {
      const { data } = await log()
        .where({ _id: db.command.lt(toStoredInstant(cutoffAt)) })
        .orderBy('_id', 'asc')
        .limit(limit)
        .field({ _id: true })
        .get();
      return removeEach(log(), data, 'alert_log');
    },
    async recent(community, queue, date, limit) {
      const { data } = await log()
        .where({ community, queue, date })
        .orderBy('_id', 'desc')
        .limit(limit)
        .get();
      return data.map((doc) => read(SENT, doc, `alert_log/${String(doc._id)}`));
    },
  };
}
