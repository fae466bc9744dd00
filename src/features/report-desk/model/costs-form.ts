/** 单价设置: yuan per visit served (人次), per service ("activity" for activities). */
import type { ServiceFigures, SetCostsInput } from '@/types/contract';

export const COST_MAX = 10000;

/** The form as typed: one text per service id. */
export type CostsDraft = Record<string, string>;
export type CostsErrors = Record<string, string>;

/** The report's unit costs as the form starts (empty where none is set). */
export function costsDraftOf(services: ServiceFigures[]): CostsDraft {
  return Object.fromEntries(
    services.map((s) => [s.service, s.unitCost === null ? '' : String(s.unitCost)]),
  );
}

/** "15", "12.5" or "0" yuan; null when it is not such an amount. */
export function parseYuan(text: string): number | null {
  const trimmed = text.trim().replace(/元$/, '').trim();
  if (!/^\d{1,5}(\.\d{1,2})?$/.test(trimmed)) return null;
  const amount = Number(trimmed);
  return amount <= COST_MAX ? amount : null;
}

/**
 * The changed unit costs, or what is wrong per service (and under "form" when nothing changed).
 * A cost once set cannot be emptied again: 0 says "free".
 */
export function parseCosts(
  community: string,
  services: ServiceFigures[],
  draft: CostsDraft,
): { input: SetCostsInput | null; errors: CostsErrors } {
  const errors: CostsErrors = {};
  const costs: Record<string, number> = {};
  for (const s of services) {
    const text = (draft[s.service] ?? '').trim();
    if (!text) {
      if (s.unitCost !== null) errors[s.service] = '单价不能清空；不计费请填 0';
      continue;
    }
    const amount = parseYuan(text);
    if (amount === null) errors[s.service] = `请填 0–${COST_MAX} 元，如 15 或 12.5`;
    else if (amount !== s.unitCost) costs[s.service] = amount;
  }
  if (Object.keys(errors).length > 0) return { input: null, errors };
  if (Object.keys(costs).length === 0) return { input: null, errors: { form: '单价没有改动' } };
  return { input: { community, costs }, errors: {} };
}
