/**
 * The evening report's unit costs (社区买单) on CloudBase: the ReportRepo port, with the same
 * behaviour as reportRepo in server/stores/sqlite/programs.ts.
 *
 * Documents (collection names without the optional prefix):
 * - report_costs/<community>: { community, costs: [{ service, yuan }] }: a list, not a map, so a
 *   service id never has to be a field name (as followup_rules). saveCosts() set()s the whole
 *   document, so a service left out is no longer costed.
 */
import type { ReportRepo } from '../../core/ports';
import { isDoc, MalformedDocument, readDoc, text } from './documents';
import type { CloudDatabase, DocData } from './sdk';

export interface ReportCollections {
  costs: string;
}

function costsFromDoc(community: string, doc: DocData): Record<string, number> {
  const where = `report_costs/${community}`;
  const list = doc.costs;
  if (!Array.isArray(list) || !list.every(isDoc)) throw new MalformedDocument(where, 'costs');
  const costs: Record<string, number> = {};
  list.forEach((entry, i) => {
    const at = `${where} costs[${i}]`;
    const yuan = entry.yuan;
    if (typeof yuan !== 'number' || !Number.isFinite(yuan)) throw new MalformedDocument(at, 'yuan');
    costs[text(entry, 'service', at)] = yuan;
  });
  return costs;
}

export const costsToDoc = (community: string, costs: Record<string, number>): DocData => ({
  community,
  costs: Object.entries(costs).map(([service, yuan]) => ({ service, yuan })),
});

export function reportRepo(db: CloudDatabase, names: ReportCollections): ReportRepo {
  const costs = () => db.collection(names.costs);
  return {
    async getCosts(community) {
      const doc = await readDoc(costs().doc(community));
      return doc ? costsFromDoc(community, doc) : null;
    },
    async saveCosts(community, values) {
      await costs()
        .doc(community)
        .set({ data: costsToDoc(community, values) });
    },
  };
}
