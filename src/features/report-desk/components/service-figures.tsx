import { Text, View } from '@tarojs/components';
import type { EveningReport, ServiceFigures } from '@/types/contract';
import { monthDay } from '@/lib/shanghai-time';
import {
  costText,
  countsText,
  KIND_TAGS,
  previousServed,
  satisfactionText,
  servedText,
  suggestionsText,
  trendLine,
  waitText,
} from '../model/report-text';
import { Bar } from '@/components/bar/bar';
import '@/components/desk-parts/desk-forms.scss';
import './report-desk.scss';

export interface ServiceFiguresCardProps {
  report: EveningReport;
  figures: ServiceFigures;
  /** The largest visits count (人次) of both weeks: the bars of all cards share one scale. */
  max: number;
}

/** One service's evening: visits this week and last as bars, then the figures in words. */
export function ServiceFiguresCard({ report, figures: s, max }: ServiceFiguresCardProps) {
  const before = previousServed(report, s.service);
  const wait = waitText(s);
  return (
    <View className="bdb-desk-card bdb-report-service">
      <View className="bdb-desk-card__head">
        <Text className="bdb-desk-card__name">{s.name}</Text>
        <Text className="bdb-desk-tag">{KIND_TAGS[s.kind]}</Text>
        {s.servedBy ? <Text className="bdb-desk-tag">志愿服务</Text> : null}
      </View>
      {s.servedBy ? <Text className="bdb-desk-card__line">{`志愿者：${s.servedBy}`}</Text> : null}
      <Bar name={`本周 ${monthDay(report.date)}`} value={s.visits} max={max} text={servedText(s)} />
      <Bar
        name={`上周 ${monthDay(report.previous.date)}`}
        value={before}
        max={max}
        text={`${before} 人次`}
        tone="past"
      />
      <Text className="bdb-report-service__trend">{trendLine(s.visits, before)}</Text>
      <Text className="bdb-desk-card__line">{countsText(s)}</Text>
      {wait ? <Text className="bdb-desk-card__line">{wait}</Text> : null}
      <Text className="bdb-desk-card__line">{satisfactionText(s)}</Text>
      <Text className="bdb-desk-card__line">{suggestionsText(s)}</Text>
      <Text className="bdb-desk-card__line">{costText(s)}</Text>
    </View>
  );
}
