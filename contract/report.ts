/** Contract of the `report` function: 社区买单, what each evening delivered and what it cost. */
import type { ServiceKind } from './community';

export interface ServiceFigures {
  service: string;
  name: string;
  kind: ServiceKind | 'activity';
  /** 人次: visits served (a completed ticket or booking, an attended activity). */
  visits: number;
  /** 人: distinct residents among those visits (one resident served twice counts once). */
  people: number;
  tickets: number;
  bookings: number;
  noShows: number;
  /** Minutes from taking a number to being called; null without data. */
  waitMedian: number | null;
  waitP90: number | null;
  /** Minutes at the desk. */
  serviceMedian: number | null;
  attendance: number;
  /** Follow-up answers about this service's residents. */
  satisfaction: { satisfied: number; mostly: number; unsatisfied: number };
  suggestions: { received: number; answered: number };
  /** Yuan per visit served (人次), set by staff; null when not set. */
  unitCost: number | null;
  cost: number | null;
  /**
   * Who volunteered at this service that evening (#16), e.g. "姑苏区某志愿服务队": a volunteer-run
   * service, often at a unit cost of 0. Absent when staff alone served it.
   */
  servedBy?: string;
}

/** An evening's visits and distinct residents: people across services are counted once. */
export interface ServedCount {
  /** 人次. */
  visits: number;
  /** 人. */
  people: number;
}

export interface EveningReport {
  community: { id: string; name: string };
  date: string;
  services: ServiceFigures[];
  totals: ServedCount & { cost: number | null };
  /** The same evening a week earlier, for the trend. */
  previous: ServedCount & {
    date: string;
    cost: number | null;
    /** Visits (人次) per service id. */
    byService: Record<string, number>;
  };
}

export interface ReportCsv {
  filename: string;
  csv: string;
}

export interface SetCostsInput {
  community: string;
  /** Yuan per visit served (人次), per service id ("activity" for activities). */
  costs: Record<string, number>;
}

export interface Overview {
  date: string;
  communities: Array<
    ServedCount & {
      id: string;
      name: string;
      cost: number | null;
      date: string;
    }
  >;
}
