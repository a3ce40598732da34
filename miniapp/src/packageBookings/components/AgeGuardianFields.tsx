import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import {
  AGE_BANDS,
  AGE_BAND_LABELS,
  GUARDIAN_RELATIONS,
  GUARDIAN_RELATION_LABELS,
  needsGuardianConsent,
  type AgeBand,
  type GuardianRelation,
} from '@xinqiao/shared';
import { Chips } from '../../components/Choice';
import { GUARDIAN_NAME_MAX } from '../../features/bookings/forms';
import './bookings.scss';

const AGE_OPTIONS = AGE_BANDS.map((value) => ({ value, label: AGE_BAND_LABELS[value] }));
const RELATION_OPTIONS = GUARDIAN_RELATIONS.map((value) => ({ value, label: GUARDIAN_RELATION_LABELS[value] }));

export interface AgeGuardianValue {
  ageBand: AgeBand | null;
  guardianName: string;
  guardianRelation: GuardianRelation | null;
}

/** 年龄段, and under 14 the guardian's name and relation (PIPL art. 31). `prefix` names the classes. */
export default function AgeGuardianFields({
  prefix,
  value,
  onChange,
}: {
  prefix: string;
  value: AgeGuardianValue;
  onChange: (patch: Partial<AgeGuardianValue>) => void;
}) {
  return (
    <View className={`${prefix}-age-block`}>
      <Text className="bk-section">年龄段</Text>
      <Chips className={`${prefix}-age`} options={AGE_OPTIONS} value={value.ageBand} onChange={(ageBand) => onChange({ ageBand })} />
      {needsGuardianConsent(value.ageBand) && (
        <View className={`${prefix}-guardian`}>
          <Text className="bk-text">根据《个人信息保护法》，未满 14 周岁需要父母或其他监护人同意。请监护人阅读说明后填写：</Text>
          <View className={`bk-field ${prefix}-guardian-name`}>
            <Text className="bk-field__label">监护人姓名</Text>
            <Input
              className="bk-field__input"
              value={value.guardianName}
              maxLength={GUARDIAN_NAME_MAX}
              placeholder="请填写监护人姓名"
              onChange={(guardianName) => onChange({ guardianName })}
            />
          </View>
          <Text className="bk-section">与孩子的关系</Text>
          <Chips
            className={`${prefix}-guardian-relation`}
            options={RELATION_OPTIONS}
            value={value.guardianRelation}
            onChange={(guardianRelation) => onChange({ guardianRelation })}
          />
        </View>
      )}
    </View>
  );
}
