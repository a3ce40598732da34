import { useEffect, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cascader, Cell, CellGroup, Input, Picker } from '@nutui/nutui-react-taro'
import {
  AGE_BANDS,
  AGE_BAND_LABELS,
  POPULATION_GROUPS,
  POPULATION_GROUP_LABELS,
  needsGuardianConsent,
  type AgeBand,
  type PopulationGroup,
  type RegionDto,
  type ResidentProfile,
  type UpdateResidentProfile,
} from '@xinqiao/shared'
import { listRegions, updateMe } from '../../services/api'
import { regionLabel, regionValuePath, toCascaderOptions } from '../../utils/regions'

const BRAND_COLOR = '#1f9e8c'
const GROUP_OPTIONS = [POPULATION_GROUPS.map((g) => ({ label: POPULATION_GROUP_LABELS[g], value: g }))]
const AGE_OPTIONS = [AGE_BANDS.map((a) => ({ label: AGE_BAND_LABELS[a], value: a }))]

interface Draft {
  nickname: string
  regionId: number | null
  populationGroup: PopulationGroup | null
  ageBand: AgeBand | null
}

function draftOf(p: ResidentProfile): Draft {
  return { nickname: p.nickname ?? '', regionId: p.regionId, populationGroup: p.populationGroup, ageBand: p.ageBand }
}

/** Only the fields that changed, so a save never overwrites something the resident did not touch. */
export function profilePatch(profile: ResidentProfile, draft: Draft): UpdateResidentProfile {
  const patch: UpdateResidentProfile = {}
  const nickname = draft.nickname.trim() || null
  if (nickname !== profile.nickname) patch.nickname = nickname
  if (draft.regionId !== profile.regionId) patch.regionId = draft.regionId
  if (draft.populationGroup !== profile.populationGroup) patch.populationGroup = draft.populationGroup
  if (draft.ageBand !== profile.ageBand) patch.ageBand = draft.ageBand
  return patch
}

export default function ProfileForm({ profile, onSaved }: { profile: ResidentProfile; onSaved: (p: ResidentProfile) => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile))
  const [regions, setRegions] = useState<RegionDto[]>([])
  const [regionsError, setRegionsError] = useState(false)
  const [picker, setPicker] = useState<'region' | 'group' | 'age' | null>(null)
  const [saving, setSaving] = useState(false)

  useEffect(() => setDraft(draftOf(profile)), [profile])

  const loadRegions = () => {
    setRegionsError(false)
    listRegions()
      .then(setRegions)
      .catch(() => setRegionsError(true))
  }
  useEffect(loadRegions, [])

  const options = useMemo(() => toCascaderOptions(regions), [regions])
  const patch = profilePatch(profile, draft)
  const dirty = Object.keys(patch).length > 0

  const openRegion = () => {
    if (regionsError) loadRegions()
    else if (regions.length) setPicker('region')
    else void Taro.showToast({ title: '地区列表加载中，请稍候', icon: 'none' })
  }

  const save = async () => {
    if (!dirty) return
    setSaving(true)
    try {
      const saved = await updateMe(patch)
      void Taro.showToast({ title: '已保存', icon: 'success' })
      onSaved(saved)
    } catch {
      // shown by the request wrapper
    } finally {
      setSaving(false)
    }
  }

  const region = regionLabel(regions, draft.regionId, draft.regionId === profile.regionId ? profile.regionName : null)

  return (
    <View className='profile-form'>
      <CellGroup title='个人资料' description='用于为你推荐本地的心理健康服务，均为选填'>
        <Cell
          title='昵称'
          align='center'
          extra={
            <Input
              className='profile-form__nickname'
              value={draft.nickname}
              maxLength={32}
              align='right'
              placeholder='怎么称呼你'
              onChange={(v) => setDraft((d) => ({ ...d, nickname: v }))}
            />
          }
        />
        <Cell
          className='profile-form__region'
          title='所在社区/村'
          align='center'
          clickable
          extra={<Text className={region ? '' : 'muted'}>{regionsError ? '加载失败，点击重试' : region || '请选择'}</Text>}
          onClick={openRegion}
        />
        <Cell
          className='profile-form__group'
          title='人群'
          align='center'
          clickable
          extra={<Text className={draft.populationGroup ? '' : 'muted'}>{draft.populationGroup ? POPULATION_GROUP_LABELS[draft.populationGroup] : '请选择'}</Text>}
          onClick={() => setPicker('group')}
        />
        <Cell
          className='profile-form__age'
          title='年龄段'
          align='center'
          clickable
          extra={<Text className={draft.ageBand ? '' : 'muted'}>{draft.ageBand ? AGE_BAND_LABELS[draft.ageBand] : '请选择'}</Text>}
          onClick={() => setPicker('age')}
        />
      </CellGroup>

      {needsGuardianConsent(draft.ageBand) && (
        <View className='profile-form__guardian'>
          根据《个人信息保护法》，未满 14 周岁的未成年人，请在父母或其他监护人同意并陪同下使用。
        </View>
      )}

      <Button className='profile-form__save' type='primary' block disabled={!dirty} loading={saving} onClick={() => void save()}>
        保存资料
      </Button>

      <Cascader
        visible={picker === 'region'}
        title='选择所在社区/村'
        activeColor={BRAND_COLOR}
        closeable
        options={options}
        value={regionValuePath(regions, draft.regionId)}
        onClose={() => setPicker(null)}
        onChange={(value) => {
          const last = value[value.length - 1]
          if (last !== undefined) setDraft((d) => ({ ...d, regionId: Number(last) }))
          setPicker(null)
        }}
      />
      <Picker
        visible={picker === 'group'}
        title='选择人群'
        options={GROUP_OPTIONS}
        value={[draft.populationGroup ?? POPULATION_GROUPS[0]]}
        onConfirm={(_opts, values) => setDraft((d) => ({ ...d, populationGroup: (values[0] as PopulationGroup) ?? null }))}
        onClose={() => setPicker(null)}
      />
      <Picker
        visible={picker === 'age'}
        title='选择年龄段'
        options={AGE_OPTIONS}
        value={[draft.ageBand ?? AGE_BANDS[2]]}
        onConfirm={(_opts, values) => setDraft((d) => ({ ...d, ageBand: (values[0] as AgeBand) ?? null }))}
        onClose={() => setPicker(null)}
      />
    </View>
  )
}
