import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Input, Picker } from '@nutui/nutui-react-taro';
import {
  AGE_BANDS,
  AGE_BAND_LABELS,
  GENDERS,
  GENDER_LABELS,
  POPULATION_GROUPS,
  POPULATION_GROUP_LABELS,
  needsGuardianConsent,
  type AgeBand,
  type Gender,
  type PopulationGroup,
  type ResidentProfile,
  type UpdateResidentProfile,
} from '@xinqiao/shared';
import RegionField from '../../components/RegionField';
import { updateMe } from '../../services/api';

const GROUP_OPTIONS = [POPULATION_GROUPS.map((g) => ({ label: POPULATION_GROUP_LABELS[g], value: g }))];
const AGE_OPTIONS = [AGE_BANDS.map((a) => ({ label: AGE_BAND_LABELS[a], value: a }))];
const GENDER_OPTIONS = [GENDERS.map((g) => ({ label: GENDER_LABELS[g], value: g }))];

interface Draft {
  nickname: string;
  regionId: number | null;
  populationGroup: PopulationGroup | null;
  ageBand: AgeBand | null;
  gender: Gender | null;
}

function draftOf(p: ResidentProfile): Draft {
  return { nickname: p.nickname ?? '', regionId: p.regionId, populationGroup: p.populationGroup, ageBand: p.ageBand, gender: p.gender };
}

/** Only the fields that changed, so a save never overwrites something the resident did not touch. */
export function profilePatch(profile: ResidentProfile, draft: Draft): UpdateResidentProfile {
  const patch: UpdateResidentProfile = {};
  const nickname = draft.nickname.trim() || null;
  if (nickname !== profile.nickname) patch.nickname = nickname;
  if (draft.regionId !== profile.regionId) patch.regionId = draft.regionId;
  if (draft.populationGroup !== profile.populationGroup) patch.populationGroup = draft.populationGroup;
  if (draft.ageBand !== profile.ageBand) patch.ageBand = draft.ageBand;
  if (draft.gender !== profile.gender) patch.gender = draft.gender;
  return patch;
}

export default function ProfileForm({ profile, onSaved }: { profile: ResidentProfile; onSaved: (p: ResidentProfile) => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const [picker, setPicker] = useState<'group' | 'age' | 'gender' | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => setDraft(draftOf(profile)), [profile]);

  const patch = profilePatch(profile, draft);
  const dirty = Object.keys(patch).length > 0;

  const save = async () => {
    if (!dirty) return;
    setSaving(true);
    try {
      const saved = await updateMe(patch);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved(saved);
    } catch {
      // shown by the request wrapper
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="profile-form">
      <CellGroup title="个人资料" description="用于为你推荐本地的心理健康服务，均为选填">
        <Cell
          title="昵称"
          align="center"
          extra={
            <Input
              className="profile-form__nickname"
              value={draft.nickname}
              maxLength={32}
              align="right"
              placeholder="怎么称呼你"
              onChange={(v) => setDraft((d) => ({ ...d, nickname: v }))}
            />
          }
        />
        <RegionField
          className="profile-form__region"
          regionId={draft.regionId}
          fallbackName={draft.regionId === profile.regionId ? profile.regionName : null}
          onChange={(region) => setDraft((d) => ({ ...d, regionId: region.id }))}
        />
        <Cell
          className="profile-form__group"
          title="人群"
          align="center"
          clickable
          extra={
            <Text className={draft.populationGroup ? '' : 'muted'}>{draft.populationGroup ? POPULATION_GROUP_LABELS[draft.populationGroup] : '请选择'}</Text>
          }
          onClick={() => setPicker('group')}
        />
        <Cell
          className="profile-form__age"
          title="年龄段"
          align="center"
          clickable
          extra={<Text className={draft.ageBand ? '' : 'muted'}>{draft.ageBand ? AGE_BAND_LABELS[draft.ageBand] : '请选择'}</Text>}
          onClick={() => setPicker('age')}
        />
        <Cell
          className="profile-form__gender"
          title="性别"
          align="center"
          clickable
          extra={<Text className={draft.gender ? '' : 'muted'}>{draft.gender ? GENDER_LABELS[draft.gender] : '请选择'}</Text>}
          onClick={() => setPicker('gender')}
        />
      </CellGroup>

      {needsGuardianConsent(draft.ageBand) && (
        <View className="profile-form__guardian">根据《个人信息保护法》，未满 14 周岁的未成年人，请在父母或其他监护人同意并陪同下使用。</View>
      )}

      <Button className="profile-form__save" type="primary" block disabled={!dirty} loading={saving} onClick={() => void save()}>
        保存资料
      </Button>

      <Picker
        visible={picker === 'group'}
        title="选择人群"
        options={GROUP_OPTIONS}
        value={[draft.populationGroup ?? POPULATION_GROUPS[0]]}
        onConfirm={(_opts, values) => setDraft((d) => ({ ...d, populationGroup: (values[0] as PopulationGroup) ?? null }))}
        onClose={() => setPicker(null)}
      />
      <Picker
        visible={picker === 'age'}
        title="选择年龄段"
        options={AGE_OPTIONS}
        value={[draft.ageBand ?? AGE_BANDS[2]]}
        onConfirm={(_opts, values) => setDraft((d) => ({ ...d, ageBand: (values[0] as AgeBand) ?? null }))}
        onClose={() => setPicker(null)}
      />
      <Picker
        visible={picker === 'gender'}
        title="选择性别"
        options={GENDER_OPTIONS}
        value={[draft.gender ?? GENDERS[0]]}
        onConfirm={(_opts, values) => setDraft((d) => ({ ...d, gender: (values[0] as Gender) ?? null }))}
        onClose={() => setPicker(null)}
      />
    </View>
  );
}
