/** Contract of the `report` function: 社区买单, what each evening delivered and what it cost. */
import type { CancelledEvening, ServiceKind } from './community';

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

/** Follow-up answers (first calls) about an evening's residents. */
export interface SatisfactionCount {
  satisfied: number;
  mostly: number;
  unsatisfied: number;
}

/** One community's figures over some service evenings (an evening, or a week's evenings). */
export interface PeriodFigures extends ServedCount {
  /** Sum over the visits of services with a unit cost; null when no unit cost is set. */
  cost: number | null;
  satisfaction: SatisfactionCount;
  /** Satisfied or mostly satisfied among the answers, in percent; null without answers. */
  satisfiedPercent: number | null;
  /** Suggestions received by the end of the period and not answered then (merged ones excepted). */
  openSuggestions: number;
}

export interface SubdistrictWeek extends PeriodFigures {
  /** Monday of the week. */
  week: string;
  /** The week's service evenings counted (up to the day the view is for), extra ones included. */
  evenings: string[];
  /** The week's evenings cancelled on the calendar (up to the day): nobody served, nothing spent. */
  cancelled: CancelledEvening[];
}

export interface SubdistrictCommunity {
  id: string;
  name: string;
  /** The most recent service evening on or before the day the view is for. */
  last: PeriodFigures & { date: string };
  /** The last 8 weeks, oldest first; the last one is the week of the day the view is for. */
  weeks: SubdistrictWeek[];
}

/** 街道汇总 (admins): every community's last evening and its last 8 weeks. */
export interface Subdistrict {
  /** The day the view is for ("YYYY-MM-DD"). */
  date: string;
  /** The 8 Mondays, oldest first. */
  weeks: string[];
  communities: SubdistrictCommunity[];
}

/** 本周海报: one community's coming evening, services and this week's activities, for printing. */
export interface Poster {
  community: { id: string; name: string; contactPhone: string | null };
  /**
   * The tonight page's URL under the host's public address (PUBLIC_URL), which the poster's QR
   * code encodes; null when the host has none (H5 then draws /qr/<community>.png).
   */
  tonightUrl: string | null;
  /** The evening the poster announces (open now, else the next opening); null without evenings. */
  evening: { date: string; opensAt: string; closesAt: string } | null;
  /** Every weekly evening in words, e.g. "每周三 17:00–20:00". */
  hours: string;
  services: Array<{ id: string; name: string; description: string; kind: ServiceKind }>;
  /** Published notices of the evening's week, each with its activities. */
  notices: Array<{
    id: string;
    title: string;
    activities: Array<{
      name: string;
      date: string;
      startsAt: string;
      endsAt: string;
      place: string;
    }>;
  }>;
}
