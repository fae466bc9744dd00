import { Text, View } from '@tarojs/components';
import type { EveningReport, ServiceFigures } from '@/types/contract';
import { monthDay } from '@/lib/shanghai-time';
import { figureLines, previousServed, servedText, tagsText, trendText } from '../model/report-text';
import { Bar } from '@/components/bar/bar';
import '@/components/desk-parts/desk-forms.scss';
import './report-desk.scss';

export interface ServiceFiguresCardProps {
  report: EveningReport;
  figures: ServiceFigures;
  /** The largest visits count (人次) of both weeks: the bars of all cards share one scale. */
  max: number;
}

/**
 * One service's evening: visits this week and last as bars, the trend, then the figures in words
 * as one text of several lines. The page shows every service's card at once, so each node of a
 * card counts nine times in the first render (issue #15): as few as the card can have.
 */
export function ServiceFiguresCard({ report, figures: s, max }: ServiceFiguresCardProps) {
  const before = previousServed(report, s.service);
  return (
    <View className="bdb-desk-card bdb-report-service">
      {/* The tag inside the name's text: no row around them, one element less. */}
      <Text className="bdb-desk-card__name">
        {s.name}
        <Text className="bdb-desk-tag">{tagsText(s)}</Text>
      </Text>
      <Bar name={`本周 ${monthDay(report.date)}`} value={s.visits} max={max} text={servedText(s)} />
      <Bar
        name={`上周 ${monthDay(report.previous.date)}`}
        value={before}
        max={max}
        text={`${before} 人次`}
        tone="past"
      />
      {/* Last week's number is on its bar just above: the trend does not say it again. */}
      <Text className="bdb-report-service__trend">{trendText(s.visits, before)}</Text>
      {/* The card gives it its look (report-desk.scss): no class on it. */}
      <Text>{figureLines(s).join('\n')}</Text>
    </View>
  );
}
