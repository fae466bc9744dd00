import { Image, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceGroup } from '@/components/choice-group/choice-group';
import { ImagePicker } from '@/components/image-picker/image-picker';
import { a11y } from '@/lib/a11y';
import type { EchoWall } from '@/types/contract';
import { registerSuggestionPhoto, uploadSuggestionPhoto } from '../api/suggestions';
import type { SubmitSuggestionState } from '../hooks/use-submit-suggestion';
import { PHOTO_PICKER } from '../model/photo';
import { TEXT_MAX } from '../model/suggestion-text';
import './suggestion-form.scss';

export interface SuggestionFormProps {
  community: string;
  categories: EchoWall['categories'];
  form: SubmitSuggestionState;
}

const CATEGORY_LABEL = '建议是关于哪一类的';
const TEXT_LABEL = '您的建议';

function FieldError({ text, boxed = false }: { text: string | null | undefined; boxed?: boolean }) {
  return text ? (
    <Text
      className={`bdb-new-suggestion__error${boxed ? ' bdb-new-suggestion__error--boxed' : ''}`}
      {...a11y({ role: 'alert' })}
    >
      {`✕ ${text}`}
    </Text>
  ) : null;
}

/**
 * 提建议: a category, the text (with a x/500 counter), an optional photo. What is missing is said
 * next to its field; the server's refusal (daily limit, content check) in an alert by the button.
 */
export function SuggestionForm({ community, categories, form }: SuggestionFormProps) {
  const { draft, setDraft, errors, busy } = form;
  return (
    <View className="bdb-new-suggestion">
      <View className="bdb-new-suggestion__field">
        <Text className="bdb-new-suggestion__label">{CATEGORY_LABEL}</Text>
        <ChoiceGroup
          label={CATEGORY_LABEL}
          choices={categories.map((c) => ({ id: c.id, text: c.name }))}
          selected={draft.category}
          onSelect={(category) => setDraft({ ...draft, category })}
          disabled={busy}
        />
        <FieldError text={errors.category} />
      </View>
      <View className="bdb-new-suggestion__field">
        <Text className="bdb-new-suggestion__label">{TEXT_LABEL}</Text>
        <Textarea
          className="bdb-new-suggestion__textarea"
          value={draft.text}
          placeholder="想到什么就写什么，可以换行"
          maxlength={TEXT_MAX}
          autoHeight
          disabled={busy}
          onInput={(e) => setDraft({ ...draft, text: e.detail.value })}
          {...a11y({ label: TEXT_LABEL })}
        />
        <Text
          className="bdb-new-suggestion__counter"
          {...a11y({ label: `已写 ${draft.text.length} 字，最多 ${TEXT_MAX} 字` })}
        >
          {`${draft.text.length}/${TEXT_MAX}`}
        </Text>
        <FieldError text={errors.text} />
      </View>
      <PhotoField community={community} form={form} />
      <Text className="bdb-new-suggestion__privacy">
        请不要写姓名、电话等个人信息。社区答复后，建议内容可能展示在社区回音墙上，但不会显示是谁提的。
      </Text>
      <FieldError text={form.error} boxed />
      <BigButton onClick={() => void form.submit()} disabled={busy}>
        {busy ? '正在提交…' : '提交建议'}
      </BigButton>
    </View>
  );
}

function PhotoField({ community, form }: { community: string; form: SubmitSuggestionState }) {
  const { draft, setDraft, busy } = form;
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <View className="bdb-new-suggestion__field">
      <Text className="bdb-new-suggestion__label">照片（选填）</Text>
      <Text className="bdb-new-suggestion__hint">
        拍下想说的地方更清楚；JPG、PNG 或 WebP，不超过 1MB
      </Text>
      {draft.photo ? (
        <Image
          className="bdb-new-suggestion__photo"
          src={draft.photo.preview}
          mode="aspectFit"
          {...a11y({ label: '已选的照片' })}
        />
      ) : null}
      <View className="bdb-new-suggestion__row">
        <ImagePicker
          community={community}
          setup={PHOTO_PICKER}
          upload={uploadSuggestionPhoto}
          register={registerSuggestionPhoto}
          hasImage={draft.photo !== null}
          disabled={busy}
          onPicked={(photo) => setDraft({ ...draft, photo })}
          onError={setProblem}
        />
        {draft.photo ? (
          <BigButton
            variant="secondary"
            disabled={busy}
            onClick={() => {
              setProblem(null);
              setDraft({ ...draft, photo: null });
            }}
          >
            移除照片
          </BigButton>
        ) : null}
      </View>
      <FieldError text={problem} />
    </View>
  );
}
