import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { formatClock } from '@/lib/shanghai-time';
import type { CompanionRequest } from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import { COMPANION_STATUS_LABELS } from '../model/roster-form';
import { ChoiceChips, FieldError } from '@/components/desk-parts/desk-parts';
import '@/components/desk-parts/desk-forms.scss';

export interface CompanionCardProps {
  request: CompanionRequest;
  /** Who is on that evening's roster: the only ones a request can go to. */
  workers: Array<{ worker: string; name: string }>;
  busy: boolean;
  onAssign: (request: CompanionRequest, worker: string) => Promise<RunResult<CompanionRequest>>;
}

/** A resident asking to be accompanied (伴): what for, their note, and who goes with them. */
export function CompanionCard({ request: r, workers, busy, onAssign }: CompanionCardProps) {
  const [open, setOpen] = useState(false);
  const [worker, setWorker] = useState<string | null>(r.worker);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!worker) {
      setError('请选一位今晚值班的社工');
      return;
    }
    setError(null);
    const result = await onAssign(r, worker);
    if (result.ok) setOpen(false);
  };

  return (
    <View className="bdb-desk-card">
      <View className="bdb-desk-card__head">
        <Text className="bdb-desk-card__name">{r.about}</Text>
        <Text className={`bdb-desk-tag bdb-desk-tag--${r.status}`}>
          {COMPANION_STATUS_LABELS[r.status]}
        </Text>
      </View>
      {r.note ? <Text className="bdb-desk-card__line">{`居民说明：${r.note}`}</Text> : null}
      <Text className="bdb-desk-card__meta">
        {`${formatClock(r.createdAt)} 提出${r.workerName ? ` · 陪同：${r.workerName}` : ''}`}
      </Text>
      {r.status === 'done' ? null : (
        <View className="bdb-desk-card__actions">
          <BigButton
            variant={open ? 'primary' : 'secondary'}
            disabled={busy}
            onClick={() => setOpen(!open)}
            label={`指派陪同：${r.about}`}
          >
            {r.worker ? '改派' : '指派'}
          </BigButton>
        </View>
      )}
      {open ? (
        <View className="bdb-desk-form">
          {workers.length === 0 ? (
            <Text className="bdb-desk-form__hint">这一晚还没有人值班，请先排班再指派</Text>
          ) : (
            <>
              <Text className="bdb-desk-form__label">请谁陪同</Text>
              <ChoiceChips
                label={`${r.about} 陪同社工`}
                choices={workers.map((w) => ({ value: w.worker, text: w.name }))}
                value={worker}
                disabled={busy}
                onChange={setWorker}
              />
              <FieldError text={error} />
              <View className="bdb-desk-form__row">
                <BigButton onClick={() => void submit()} disabled={busy}>
                  确定指派
                </BigButton>
                <BigButton variant="quiet" onClick={() => setOpen(false)} label="不指派">
                  取消
                </BigButton>
              </View>
            </>
          )}
        </View>
      ) : null}
    </View>
  );
}
