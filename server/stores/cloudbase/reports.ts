/**
 * The evening report's unit costs (社区买单, the ReportRepo port):
 * - report_costs/<community>: { community, costs: [{ service, yuan }] }: a list, not a map, so a
 *   service id never has to be a field name (as followup_rules). saveCosts() set()s the whole
 *   document, so a service left out is no longer costed.
 */
import type { ReportRepo } from '../../core/ports';
import { finite, listOf, records, text, type Shape } from './fields';
import type { CloudDatabase, DocData } from './sdk';

const costShape: Shape<{ service: string; yuan: number }> = {
  service: text,
  yuan: finite,
};

const costsFromDoc = (community: string, doc: DocData): Record<string, number> =>
  Object.fromEntries(
    listOf(costShape)(doc, 'costs', `report_costs/${community}`).map((c) => [c.service, c.yuan]),
  );

export const costsToDoc = (community: string, costs: Record<string, number>): DocData => ({
  community,
  costs: Object.entries(costs).map(([service, yuan]) => ({ service, yuan })),
});

export function reportRepo(db: CloudDatabase, names: { report_costs: string }): ReportRepo {
  const costs = records(db, names, 'report_costs', costsFromDoc);
  return {
    getCosts: costs.get,
    async saveCosts(community, values) {
      await costs.doc(community).set({ data: costsToDoc(community, values) });
    },
  };
}
