import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { SubdistrictView, useSubdistrict } from '@/features/report-desk';
import { isCalendarDate } from '@/lib/calendar-date';
import { launchParam } from '@/lib/launch-params';
import './index.scss';

/** 街道汇总 for admins: `?d=YYYY-MM-DD` (no date: today on the server's clock). */
export default function SubdistrictPage() {
  const { params } = useRouter();
  const linked = useMemo(() => launchParam(params, 'd'), [params]);
  const [date, setDate] = useState<string | null>(linked && isCalendarDate(linked) ? linked : null);
  const mode = useElderMode();
  const state = useSubdistrict(date);

  usePullDownRefresh(() => {
    void state.view.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <AccessibleRoot
      title="街道汇总"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-subdistrict-page"
    >
      <SubdistrictView state={state} onDate={setDate} />
    </AccessibleRoot>
  );
}
