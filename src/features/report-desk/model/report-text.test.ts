import { eveningReportFixture, serviceFiguresFixture } from '@/test-utils/fixtures';
import {
  costText,
  countsText,
  figureLines,
  previousServed,
  satisfactionText,
  servedText,
  suggestionsText,
  tagsText,
  totalCostText,
  trendLine,
  trendOf,
  trendText,
  waitText,
  yuan,
} from './report-text';

describe('report text', () => {
  it('says the trend against the week before with an arrow and the numbers', () => {
    expect(trendOf(12, 9)).toEqual({ arrow: '↑', text: '比上周多 3 人次' });
    expect(trendOf(5, 7)).toEqual({ arrow: '↓', text: '比上周少 2 人次' });
    expect(trendOf(0, 0)).toEqual({ arrow: '→', text: '与上周持平' });
    expect(trendLine(25, 21)).toBe('↑ 比上周多 4 人次（上周 21 人次）');
    expect(trendText(5, 7)).toBe('↓ 比上周少 2 人次');
    expect(previousServed(eveningReportFixture(), 'repair')).toBe(7);
    expect(previousServed(eveningReportFixture(), 'new-service')).toBe(0);
    expect(servedText({ visits: 25, people: 22 })).toBe('25 人次 · 22 人');
  });

  it('says what each kind of service did', () => {
    const [bp, repair, chess, activity] = eveningReportFixture().services;
    expect(countsText(bp!)).toBe('服务 12 人次（11 人） · 取号 14 · 未到 2');
    expect(countsText(repair!)).toBe('服务 5 人次（5 人） · 预约 6 · 未到 1');
    expect(countsText(chess!)).toBe('服务 0 人次（0 人）');
    expect(countsText(activity!)).toBe('服务 8 人次（7 人） · 活动到场 8');
  });

  it('says waits in plain words, or that there is no data', () => {
    expect(waitText(serviceFiguresFixture())).toBe(
      '等候：一半的人不超过 8 分钟，九成不超过 15.5 分钟；办理一般 4 分钟',
    );
    expect(
      waitText(serviceFiguresFixture({ waitMedian: null, waitP90: null, serviceMedian: null })),
    ).toBe('等候：暂无数据');
    expect(waitText(eveningReportFixture().services[1]!)).toBeNull();
  });

  it('says satisfaction, suggestions and cost', () => {
    const [bp, repair, chess] = eveningReportFixture().services;
    expect(satisfactionText(bp!)).toBe('回访满意度：满意 3 · 基本满意 1 · 不满意 1');
    expect(satisfactionText(chess!)).toBe('回访满意度：还没有回访结果');
    expect(suggestionsText(bp!)).toBe('当晚建议：收到 2 条，已答复 1 条');
    expect(costText(bp!)).toBe('费用：单价 15 元 × 12 人次 = 180 元');
    expect(costText(repair!)).toBe('费用：还没有设置单价');
    expect(costText(chess!)).toBe('费用：单价 0 元 × 0 人次 = 0 元');
    expect(totalCostText(340)).toBe('费用合计 340 元');
    expect(totalCostText(null)).toBe('费用合计：还没有设置单价');
    expect(yuan(12.25)).toBe('12.3 元');
  });

  it('puts a card’s tags and its figures in words together, a line each', () => {
    const [bp, repair] = eveningReportFixture().services;
    expect(tagsText(bp!)).toBe('取号');
    expect(tagsText({ ...repair!, servedBy: '李志愿' })).toBe('预约 · 志愿服务');
    expect(figureLines(bp!)).toEqual([
      countsText(bp!),
      waitText(bp!),
      satisfactionText(bp!),
      suggestionsText(bp!),
      costText(bp!),
    ]);
    // No wait line where nothing was measured; who served first when volunteers did.
    expect(figureLines({ ...repair!, servedBy: '李志愿、王志愿' })).toEqual([
      '志愿者：李志愿、王志愿',
      '服务 5 人次（5 人） · 预约 6 · 未到 1',
      satisfactionText(repair!),
      suggestionsText(repair!),
      '费用：还没有设置单价',
    ]);
  });
});
