import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { TextField } from '@/components/text-field/text-field';
import { a11y } from '@/lib/a11y';
import {
  addEvening,
  changeEvening,
  removeEvening,
  type CommunityDraft,
} from '../model/community-form';
import { EveningsEditor } from './evenings-editor';
import './community-form.scss';

/** A refusal the server gave about one field of the form. */
export interface FieldRefusal {
  field: string;
  message: string;
}

export interface CommunityFormProps {
  initial: CommunityDraft;
  /** True for a new community: the id can be typed (and never changed after). */
  creating: boolean;
  busy: boolean;
  refusal: FieldRefusal | null;
  onSave: (draft: CommunityDraft) => void;
  onCancel: () => void;
}

/** 新建社区 / 编辑社区: id (new only), name, address, contact phone and the weekly evenings. */
export function CommunityForm(props: CommunityFormProps) {
  const { creating, busy, refusal } = props;
  const [draft, setDraft] = useState(props.initial);
  const errorOf = (field: string) => (refusal?.field === field ? refusal.message : null);
  const title = creating ? '新建社区' : `编辑 ${props.initial.name}`;

  return (
    <View className="bdb-community-form" {...a11y({ role: 'form', label: title })}>
      <Text className="bdb-community-form__title" {...a11y({ role: 'heading', level: 3 })}>
        {title}
      </Text>
      {creating ? (
        <TextField
          label="社区编号"
          hint="用在二维码和链接里，2–16 位小写字母或数字，以字母开头，建好后不能改，如 shishan"
          value={draft.id}
          maxlength={16}
          disabled={busy}
          error={errorOf('id')}
          onInput={(id) => setDraft({ ...draft, id })}
        />
      ) : (
        <Text className="bdb-community-form__fixed">{`社区编号：${draft.id}（不能修改）`}</Text>
      )}
      <TextField
        label="社区名称"
        value={draft.name}
        maxlength={30}
        placeholder="如：狮山社区"
        disabled={busy}
        error={errorOf('name')}
        onInput={(name) => setDraft({ ...draft, name })}
      />
      <TextField
        label="地址"
        hint="居民在首页看到，如：狮山路 88 号社区服务中心一楼"
        value={draft.address}
        maxlength={60}
        disabled={busy}
        error={errorOf('address')}
        onInput={(address) => setDraft({ ...draft, address })}
      />
      <TextField
        label="联系电话"
        hint="居民有事可拨打；不填则请居民到服务台咨询"
        value={draft.contactPhone}
        maxlength={20}
        placeholder="如：0512-6888 1234"
        disabled={busy}
        error={errorOf('contactPhone')}
        onInput={(contactPhone) => setDraft({ ...draft, contactPhone })}
      />
      <EveningsEditor
        evenings={draft.evenings}
        error={errorOf('evenings')}
        disabled={busy}
        onChange={(key, patch) => setDraft(changeEvening(draft, key, patch))}
        onAdd={() => setDraft(addEvening(draft))}
        onRemove={(key) => setDraft(removeEvening(draft, key))}
      />
      <View className="bdb-community-form__buttons">
        <BigButton disabled={busy} onClick={() => props.onSave(draft)}>
          {busy ? '正在保存…' : creating ? '新建社区' : '保存修改'}
        </BigButton>
        <BigButton variant="quiet" disabled={busy} onClick={props.onCancel}>
          取消
        </BigButton>
      </View>
    </View>
  );
}
