/** The evening report's unit costs (社区买单), one row per community. */
import type Database from 'better-sqlite3';
import type { ReportRepo } from '../../core/ports';
import { table } from './rows';

export function reportRepo(db: Database.Database): ReportRepo {
  const costs = table<{ costs: Record<string, number> }>(db, 'report_costs', { json: ['costs'] });
  return {
    getCosts: async (community) => costs.get('community_id = ?', community)?.costs ?? null,
    saveCosts: async (community, c) => {
      costs.upsert({ community, costs: c }, ['community']);
    },
  };
}
