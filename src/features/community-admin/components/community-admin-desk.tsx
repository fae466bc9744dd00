import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { FeedbackLine } from '@/components/desk-parts/desk-parts';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { fieldOf, useDeskRun, type RunResult } from '@/hooks/use-desk-run';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import { formatEvenings } from '@/lib/shanghai-time';
import type { ManagedCommunity } from '@/types/contract';
import {
  archiveCommunity,
  createCommunity,
  updateCommunity,
  useManagedCommunities,
} from '../api/communities';
import {
  draftOf,
  emptyDraft,
  fieldsOf,
  FORM_FIELDS,
  type CommunityDraft,
} from '../model/community-form';
import { CommunityForm, type FieldRefusal } from './community-form';
import '@/components/desk-parts/desk-list.scss';

/** What the form is open for: a new community, or one of the list (by id). */
type Editing = { kind: 'create' } | { kind: 'edit'; id: string };

const isFormField = (field: string | undefined) => FORM_FIELDS.has(field ?? '');

export interface CommunityAdminDeskProps {
  /** More for each active community's row (other features', e.g. its TV board link). */
  renderRowExtra?: (community: ManagedCommunity) => ReactNode;
}

/**
 * 社区管理 for admins: every community (archived ones last), a form to create one or edit one,
 * and archive (停用, after a confirm step) or restore (恢复).
 */
export function CommunityAdminDesk({ renderRowExtra }: CommunityAdminDeskProps = {}) {
  const list = useManagedCommunities();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [refusal, setRefusal] = useState<FieldRefusal | null>(null);
  const [archiving, setArchiving] = useState<string | null>(null);
  const { busy, feedback, run } = useDeskRun(list.reload);

  const open = (next: Editing | null) => {
    setRefusal(null);
    setEditing(next);
  };

  const afterSave = (result: RunResult<ManagedCommunity>) => {
    if (result.ok) open(null);
    else if (isFormField(fieldOf(result))) {
      setRefusal({ field: fieldOf(result), message: result.message });
    }
  };

  const save = async (draft: CommunityDraft) => {
    setRefusal(null);
    const creating = editing?.kind === 'create';
    const result = await run(
      () =>
        creating
          ? createCommunity({ id: draft.id.trim(), ...fieldsOf(draft) })
          : updateCommunity(draft.id, fieldsOf(draft)),
      {
        done: (c) => (creating ? `已新建 ${c.name}` : `已保存 ${c.name}`),
        isField: isFormField,
      },
    );
    afterSave(result);
  };

  const setArchived = async (c: ManagedCommunity, archived: boolean) => {
    await run(() => archiveCommunity(c.id, archived), {
      done: archived ? `${c.name} 已停用` : `${c.name} 已恢复`,
    });
    setArchiving(null);
  };

  if (!list.data) {
    if (list.error) {
      return <ErrorState message={errorMessage(list.error)} onRetry={() => void list.reload()} />;
    }
    return <LoadingState text="正在加载社区列表…" />;
  }

  const form = (initial: CommunityDraft, creating: boolean) => (
    <CommunityForm
      initial={initial}
      creating={creating}
      busy={busy}
      refusal={refusal}
      onSave={(draft) => void save(draft)}
      onCancel={() => open(null)}
    />
  );

  return (
    <View className="bdb-desk-list bdb-community-admin">
      <Text className="bdb-desk-list__title" {...a11y({ role: 'heading', level: 2 })}>
        社区管理
      </Text>
      <Text className="bdb-desk-list__hint">
        新建的社区带有八项常用服务；停用后居民看不到它，也不能再取号或预约，历史记录保留。
      </Text>
      <FeedbackLine feedback={feedback} />
      {editing?.kind === 'create' ? (
        form(emptyDraft(), true)
      ) : (
        <BigButton disabled={busy} onClick={() => open({ kind: 'create' })}>
          新建社区
        </BigButton>
      )}
      {list.data.length === 0 ? (
        <EmptyState text="还没有社区，请先新建一个" />
      ) : (
        <View className="bdb-desk-list__list" {...a11y({ role: 'list', label: '社区' })}>
          {list.data.map((c) =>
            editing?.kind === 'edit' && editing.id === c.id ? (
              <View key={c.id} {...a11y({ role: 'listitem' })}>
                {form(draftOf(c), false)}
              </View>
            ) : (
              <CommunityRow
                key={c.id}
                community={c}
                busy={busy}
                confirming={archiving === c.id}
                onEdit={() => open({ kind: 'edit', id: c.id })}
                onArchive={() => setArchiving(c.id)}
                onConfirm={() => void setArchived(c, true)}
                onCancel={() => setArchiving(null)}
                onRestore={() => void setArchived(c, false)}
                extra={renderRowExtra?.(c)}
              />
            ),
          )}
        </View>
      )}
    </View>
  );
}

interface CommunityRowProps {
  community: ManagedCommunity;
  busy: boolean;
  /** The archive's confirm step is showing. */
  confirming: boolean;
  onEdit: () => void;
  onArchive: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  onRestore: () => void;
  /** Shown under the row's details while the community is active. */
  extra?: ReactNode;
}

/** One community: what residents see of it, and what the admin can do. */
function CommunityRow(props: CommunityRowProps) {
  const { community: c, busy } = props;
  const archived = c.archivedAt !== null;
  return (
    <View
      className={`bdb-desk-list__row${archived ? ' bdb-desk-list__row--dashed' : ''}`}
      {...a11y({ role: 'listitem' })}
    >
      <Text className="bdb-desk-list__name">{archived ? `${c.name}（已停用）` : c.name}</Text>
      <Text className="bdb-desk-list__meta">{`编号 ${c.id} · ${formatEvenings(c.evenings)}`}</Text>
      <Text className="bdb-desk-list__meta">{`地址：${c.address || '未填写'}`}</Text>
      <Text className="bdb-desk-list__meta">{`联系电话：${c.contactPhone ?? '未填写'}`}</Text>
      <Text className="bdb-desk-list__meta">{`服务 ${c.services.length} 项：${c.services.join('、')}`}</Text>
      {archived ? null : props.extra}
      {props.confirming ? (
        <View
          className="bdb-desk-list__confirm"
          {...a11y({ role: 'group', label: `停用 ${c.name}？` })}
        >
          <Text className="bdb-desk-list__question">
            {`停用 ${c.name}？居民将看不到这个社区，也不能再取号或预约；已有记录保留，可随时恢复。`}
          </Text>
          <View className="bdb-desk-list__buttons">
            <BigButton disabled={busy} onClick={props.onConfirm}>
              {busy ? '处理中…' : '确认停用'}
            </BigButton>
            <BigButton variant="quiet" disabled={busy} onClick={props.onCancel}>
              取消
            </BigButton>
          </View>
        </View>
      ) : (
        <View className="bdb-desk-list__buttons">
          <BigButton
            variant="secondary"
            disabled={busy}
            label={`编辑 ${c.name}`}
            onClick={props.onEdit}
          >
            编辑
          </BigButton>
          {archived ? (
            <BigButton
              variant="secondary"
              disabled={busy}
              label={`恢复 ${c.name}`}
              onClick={props.onRestore}
            >
              恢复
            </BigButton>
          ) : (
            <BigButton
              variant="quiet"
              disabled={busy}
              label={`停用 ${c.name}`}
              onClick={props.onArchive}
            >
              停用
            </BigButton>
          )}
        </View>
      )}
    </View>
  );
}
