import { Button, Text, View } from '@tarojs/components';
import { CellGroup } from '@nutui/nutui-react-taro';
import { AGE_BANDS, AGE_BAND_LABELS, GENDERS, GENDER_LABELS, POPULATION_GROUPS, POPULATION_GROUP_LABELS } from '@xinqiao/shared';
import { Chips } from '../../../components/Choice';
import RegionField from '../../../components/RegionField';
import type { DemographicField, DemographicsForm } from '../../../features/quizzes/demographics';

const GROUP_OPTIONS = POPULATION_GROUPS.map((value) => ({ value, label: POPULATION_GROUP_LABELS[value] }));
const AGE_OPTIONS = AGE_BANDS.map((value) => ({ value, label: AGE_BAND_LABELS[value] }));
const GENDER_OPTIONS = GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] }));

/**
 * The step before the first question: who is answering, for the awareness statistics. Signed-in
 * residents see only their profile's gaps (the server saves them to the profile); without an
 * account all four are asked once and remembered on the device.
 */
export default function DemographicsStep({
  fields,
  form,
  signedIn,
  problems,
  notice,
  submitLabel,
  onChange,
  onSubmit,
  onCancel,
}: {
  fields: readonly DemographicField[];
  form: DemographicsForm;
  signedIn: boolean;
  /** Shown after a first attempt to continue. */
  problems: string[];
  /** Why the step is shown again (the server's message), if it is. */
  notice: string | null;
  submitLabel: string;
  onChange: (form: DemographicsForm) => void;
  onSubmit: () => void;
  /** Only when editing answers given before. */
  onCancel?: () => void;
}) {
  const patch = (p: Partial<DemographicsForm>) => onChange({ ...form, ...p });
  return (
    <View className="quiz-demographics">
      <View className="card">
        <Text className="quiz-demographics__title">{signedIn ? '答题前，请补充以下信息' : '答题前，请填写基本信息'}</Text>
        <Text className="quiz-demographics__note">
          {signedIn
            ? '仅用于按地区、人群统计心理健康知识知晓率，统计结果不含个人身份；填写后会保存到你的个人资料，可在“我的”中修改。'
            : '仅用于按地区、人群匿名统计心理健康知识知晓率，不会与你的身份关联。只需填写一次，会保存在本机，之后可以修改。'}
        </Text>
        {notice && <Text className="quiz-demographics__notice">{notice}</Text>}
      </View>

      {fields.includes('regionId') && (
        <CellGroup divider={false}>
          <RegionField
            className="quiz-demographics__region"
            regionId={form.region?.id ?? null}
            fallbackName={form.region?.name}
            onChange={(region) => patch({ region })}
          />
        </CellGroup>
      )}
      {fields.includes('populationGroup') && (
        <View className="card">
          <Text className="quiz-demographics__label">人群</Text>
          <Chips
            className="quiz-demographics__group"
            options={GROUP_OPTIONS}
            value={form.populationGroup}
            onChange={(populationGroup) => patch({ populationGroup })}
          />
        </View>
      )}
      {fields.includes('ageBand') && (
        <View className="card">
          <Text className="quiz-demographics__label">年龄段</Text>
          <Chips className="quiz-demographics__age" options={AGE_OPTIONS} value={form.ageBand} onChange={(ageBand) => patch({ ageBand })} />
        </View>
      )}
      {fields.includes('gender') && (
        <View className="card">
          <Text className="quiz-demographics__label">性别</Text>
          <Chips className="quiz-demographics__gender" options={GENDER_OPTIONS} value={form.gender} onChange={(gender) => patch({ gender })} />
        </View>
      )}

      {problems.length > 0 && (
        <View className="quiz-demographics__problems">
          {problems.map((p) => (
            <Text key={p} className="quiz-demographics__problem">
              {p}
            </Text>
          ))}
        </View>
      )}

      <View className="quiz-take__actions">
        <Button className="xq-button quiz-demographics__submit" onClick={onSubmit}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button className="xq-button xq-button--plain quiz-demographics__cancel" onClick={onCancel}>
            取消
          </Button>
        )}
      </View>
    </View>
  );
}
