import { Image, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import {
  ImagePicker,
  type RegisterFile,
  type UploadBase64,
} from '@/components/image-picker/image-picker';
import { FeedbackLine, FieldError } from '@/components/desk-parts/desk-parts';
import { fieldOf, useDeskRun } from '@/hooks/use-desk-run';
import { useRemote } from '@/hooks/use-remote';
import { a11y, keyActivation } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import { shanghaiDate } from '@/lib/shanghai-time';
import type { Notice } from '@/types/contract';
import { getSchedule, type Schedule } from '../api/get-schedule';
import { publish } from '../api/notice-moves';
import { registerCover, saveNotice, uploadCover } from '../api/save-notice';
import { COVER_PICKER } from '../model/cover';
import {
  ACTIVITIES_MAX,
  addActivity,
  BODY_MAX,
  changeWeek,
  draftOf,
  emptyDraft,
  errorCount,
  moveActivity,
  parseNoticeForm,
  removeActivity,
  serverErrors,
  TITLE_MAX,
  updateActivity,
  type NoticeDraft,
  type NoticeErrors,
} from '../model/notice-form';
import { noticesUrl } from '../model/urls';
import { addDays, weekRangeText } from '../model/week';
import { ActivityEditor } from './activity-editor';
import './notice-editor.scss';

/** H5: `notice.uploadCover` with the picked image's base64; resolves to the cover reference. */
const uploadCoverImage: UploadBase64 = (community, data) =>
  uploadCover(community, data).then((r) => r.cover);

/** Mini-program: `notice.uploadCover` with the fileID it put in cloud storage. */
const registerCoverFile: RegisterFile = (community, file) =>
  registerCover(community, file).then((r) => r.cover);

export interface NoticeEditorProps {
  community: string;
  /** The notice to edit; null for a new one. */
  notice: Notice | null;
  /** A new notice's week, as the server reckons it (its clock may be a demo or BDB_NOW clock). */
  week?: string | null;
}

const NO_ERRORS: NoticeErrors = { activities: {} };

/** Writes a week's notice: text, cover and activities; saved as a draft, published, or edited. */
export function NoticeEditor({ community, notice, week }: NoticeEditorProps) {
  // The notice as the server last answered: after the first save a new notice has an id.
  const [saved, setSaved] = useState<Notice | null>(notice);
  const [draft, setDraft] = useState<NoticeDraft>(() =>
    notice ? draftOf(notice) : emptyDraft(week ?? shanghaiDate()),
  );
  const [errors, setErrors] = useState<NoticeErrors>(NO_ERRORS);
  const desk = useDeskRun();
  const { busy } = desk;
  const published = saved?.status === 'published';
  const target = saved?.community ?? community;
  // The community's evenings: a new activity starts on one (not on the week's Monday).
  const schedule = useRemote(target, getSchedule);

  const save = async (andPublish: boolean) => {
    const parsed = parseNoticeForm(draft, {
      community: target,
      ...(saved ? { id: saved.id } : {}),
    });
    setErrors(parsed.errors);
    if (!parsed.input) {
      desk.setFeedback({
        kind: 'error',
        text: `还有 ${errorCount(parsed.errors)} 处要改，见上面标出的说明`,
      });
      return;
    }
    const input = parsed.input;
    const result = await desk.run(
      async () => {
        const current = await saveNotice(input);
        setSaved(current);
        // From the answer: new activities now have ids, so the next save keeps their sign-ups.
        setDraft(draftOf(current));
        if (!andPublish) return { notice: current, unpublished: null };
        try {
          const shown = await publish(current.id);
          setSaved(shown);
          return { notice: shown, unpublished: null };
        } catch (e: unknown) {
          return { notice: current, unpublished: errorMessage(e) };
        }
      },
      { done: (r) => (r.unpublished ? null : savedText(r.notice, andPublish)) },
    );
    if (result.ok && result.value.unpublished) {
      desk.setFeedback({
        kind: 'error',
        text: `草稿已保存，但没有发布成功：${result.value.unpublished}`,
      });
    } else if (!result.ok) {
      setErrors(serverErrors(draft, fieldOf(result) || undefined, result.message));
    }
  };

  return (
    <View className="bdb-notice-editor">
      <Text className="bdb-notice-editor__title">{saved ? '编辑通知' : '新建通知'}</Text>
      {published ? (
        <Text className="bdb-notice-editor__hint">
          这条通知已发布：保存修改后，居民会看到“已更新”
        </Text>
      ) : null}
      <WeekField draft={draft} error={errors.week} onChange={setDraft} />
      <TextFields draft={draft} errors={errors} onChange={setDraft} />
      <CoverField
        community={target}
        draft={draft}
        error={errors.cover}
        busy={busy}
        onChange={setDraft}
      />
      <ActivityList
        draft={draft}
        errors={errors}
        busy={busy}
        schedule={schedule.data}
        onChange={setDraft}
      />
      <View className="bdb-notice-editor__actions">
        {published ? (
          <BigButton disabled={busy} onClick={() => void save(false)}>
            {busy ? '保存中…' : '保存修改'}
          </BigButton>
        ) : (
          <>
            <BigButton variant="secondary" disabled={busy} onClick={() => void save(false)}>
              保存草稿
            </BigButton>
            <BigButton disabled={busy} onClick={() => void save(true)}>
              保存并发布
            </BigButton>
          </>
        )}
      </View>
      <FeedbackLine feedback={desk.feedback} />
      <BigButton
        variant="quiet"
        onClick={() =>
          void Taro.navigateBack().catch(() => Taro.redirectTo({ url: noticesUrl(target) }))
        }
      >
        返回通知列表
      </BigButton>
    </View>
  );
}

function savedText(notice: Notice, andPublish: boolean): string {
  if (andPublish) return '已保存并发布，居民现在能看到这条通知';
  return notice.status === 'published' ? '已保存修改，居民会看到“已更新”' : '草稿已保存';
}

interface PartProps {
  draft: NoticeDraft;
  onChange: (draft: NoticeDraft) => void;
}

/** 哪一周: any day picks its week, shown as "11月30日–12月6日", or a week back or forward. */
function WeekField({ draft, error, onChange }: PartProps & { error: string | undefined }) {
  const range = weekRangeText(draft.week);
  return (
    <View className="bdb-notice-editor__field">
      <Text className="bdb-notice-editor__label">哪一周</Text>
      <Text className="bdb-notice-editor__week" {...a11y({ role: 'status', live: 'polite' })}>
        {range}
      </Text>
      <View className="bdb-notice-editor__row">
        <BigButton
          variant="secondary"
          onClick={() => onChange(changeWeek(draft, addDays(draft.week, -7)))}
        >
          上一周
        </BigButton>
        <Picker
          mode="date"
          value={draft.week}
          onChange={(e) => onChange(changeWeek(draft, String(e.detail.value)))}
        >
          <View
            className="bdb-notice-editor__picker"
            {...a11y({ role: 'button', label: `选日期定周，现在是 ${range}` })}
            // The Picker opens on a click on this View: Enter and Space click it.
            {...keyActivation((target) => (target as HTMLElement | null)?.click?.())}
          >
            选日期
          </View>
        </Picker>
        <BigButton
          variant="secondary"
          onClick={() => onChange(changeWeek(draft, addDays(draft.week, 7)))}
        >
          下一周
        </BigButton>
      </View>
      <Text className="bdb-notice-editor__hint">换一周时，活动跟着移到新一周的同一天</Text>
      <FieldError text={error} />
    </View>
  );
}

function TextFields({ draft, errors, onChange }: PartProps & { errors: NoticeErrors }) {
  return (
    <>
      <View className="bdb-notice-editor__field">
        <Text className="bdb-notice-editor__label">标题</Text>
        <Input
          className="bdb-notice-editor__input"
          value={draft.title}
          placeholder="如：本周三晚 八点伴活动"
          maxlength={TITLE_MAX}
          onInput={(e) => onChange({ ...draft, title: e.detail.value })}
          {...a11y({ label: '通知标题' })}
        />
        <FieldError text={errors.title} />
      </View>
      <View className="bdb-notice-editor__field">
        <Text className="bdb-notice-editor__label">正文</Text>
        <Textarea
          className="bdb-notice-editor__textarea"
          value={draft.body}
          placeholder="写给居民的话，可以换行"
          maxlength={BODY_MAX}
          autoHeight
          onInput={(e) => onChange({ ...draft, body: e.detail.value })}
          {...a11y({ label: '通知正文' })}
        />
        <Text className="bdb-notice-editor__counter">{`${draft.body.length}/${BODY_MAX}`}</Text>
        <FieldError text={errors.body} />
      </View>
    </>
  );
}

interface CoverFieldProps extends PartProps {
  community: string;
  error: string | undefined;
  busy: boolean;
}

/** The cover: a preview, a picker (file or WeChat album) and a way to remove it. */
function CoverField({ community, draft, error, busy, onChange }: CoverFieldProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const preview =
    draft.cover.kind === 'new'
      ? draft.cover.preview
      : draft.cover.kind === 'kept'
        ? draft.cover.preview
        : null;
  return (
    <View className="bdb-notice-editor__field">
      <Text className="bdb-notice-editor__label">封面图片（选填）</Text>
      <Text className="bdb-notice-editor__hint">JPG、PNG 或 WebP，不超过 1MB</Text>
      {preview ? (
        <Image
          className="bdb-notice-editor__cover"
          src={preview}
          mode="aspectFill"
          {...a11y({ label: '封面预览' })}
        />
      ) : null}
      <View className="bdb-notice-editor__row">
        <ImagePicker
          community={community}
          setup={COVER_PICKER}
          upload={uploadCoverImage}
          register={registerCoverFile}
          hasImage={preview !== null}
          disabled={busy}
          onPicked={(cover) => onChange({ ...draft, cover: { kind: 'new', ...cover } })}
          onError={setProblem}
        />
        {preview ? (
          <BigButton
            variant="secondary"
            disabled={busy}
            onClick={() => {
              setProblem(null);
              onChange({ ...draft, cover: { kind: 'removed' } });
            }}
          >
            移除封面
          </BigButton>
        ) : null}
      </View>
      <FieldError text={problem ?? error} />
    </View>
  );
}

interface ActivityListProps extends PartProps {
  errors: NoticeErrors;
  busy: boolean;
  /** Null until loaded (or when it failed): a new activity then starts on the Monday. */
  schedule: Schedule | null;
}

function ActivityList({ draft, errors, busy, schedule, onChange }: ActivityListProps) {
  const full = draft.activities.length >= ACTIVITIES_MAX;
  return (
    <View className="bdb-notice-editor__activities">
      <Text className="bdb-notice-editor__section-title">{`活动（${draft.activities.length}/${ACTIVITIES_MAX}）`}</Text>
      {draft.activities.length === 0 ? (
        <Text className="bdb-notice-editor__hint">
          没有活动也可以发通知；有活动时居民能按活动报名和签到
        </Text>
      ) : null}
      {draft.activities.map((a, index) => (
        <ActivityEditor
          key={a.key}
          activity={a}
          index={index}
          count={draft.activities.length}
          week={draft.week}
          errors={errors.activities[a.key]}
          disabled={busy}
          onChange={(patch) => onChange(updateActivity(draft, a.key, patch))}
          onMove={(by) => onChange(moveActivity(draft, a.key, by))}
          onRemove={() => onChange(removeActivity(draft, a.key))}
        />
      ))}
      <FieldError text={errors.activityList} />
      <BigButton
        variant="secondary"
        disabled={busy || full}
        onClick={() =>
          onChange(addActivity(draft, schedule?.evenings ?? [], schedule?.today ?? null))
        }
      >
        {full ? `最多 ${ACTIVITIES_MAX} 个活动` : '添加活动'}
      </BigButton>
    </View>
  );
}
