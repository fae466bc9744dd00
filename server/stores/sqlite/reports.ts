/** The evening report's unit costs (社区买单), one row per community. */
import type Database from 'better-sqlite3';
import type { ReportRepo } from '../../core/ports';

export function reportRepo(db: Database.Database): ReportRepo {
  const get = db.prepare<[string], { costs: string }>(
    'SELECT costs FROM report_costs WHERE community_id = ?',
  );
  const save = db.prepare(
    'INSERT INTO report_costs (community_id, costs) VALUES (?, ?) ON CONFLICT (community_id) DO UPDATE SET costs = excluded.costs',
  );
  return {
    getCosts: async (community) => {
      const row = get.get(community);
      return row ? (JSON.parse(row.costs) as Record<string, number>) : null;
    },
    saveCosts: async (community, costs) => {
      save.run(community, JSON.stringify(costs));
    },
  };
}
