import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import type { RegistrationField } from '@xinqiao/shared';
import { CheckRow } from '../../components/Choice';
import { NAME_MAX, consentText, type DetailsForm } from '../../features/events/registration';
import './events.scss';

/**
 * Name and phone, only those the event asks for, with their own consent check box (PIPL: separate
 * consent for these details). `prefix` names the classes: `event-signup` or `event-checkin`.
 */
export default function DetailsFields({
  prefix,
  fields,
  form,
  onChange,
}: {
  prefix: 'event-signup' | 'event-checkin';
  fields: readonly RegistrationField[];
  form: DetailsForm;
  onChange: (form: DetailsForm) => void;
}) {
  if (!fields.length) return null;
  const patch = (p: Partial<DetailsForm>) => onChange({ ...form, ...p });
  return (
    <View className="event-details">
      {fields.includes('name') && (
        <View className={`event-field ${prefix}-name`}>
          <Text className="event-field__label">姓名</Text>
          <Input className="event-field__input" value={form.name} maxLength={NAME_MAX} placeholder="请填写真实姓名" onChange={(name) => patch({ name })} />
        </View>
      )}
      {fields.includes('phone') && (
        <View className={`event-field ${prefix}-phone`}>
          <Text className="event-field__label">手机号</Text>
          <Input
            className="event-field__input"
            type="number"
            value={form.phone}
            maxLength={11}
            placeholder="11 位手机号码"
            onChange={(phone) => patch({ phone })}
          />
        </View>
      )}
      <CheckRow className={`${prefix}-consent`} checked={form.consent} onChange={(consent) => patch({ consent })}>
        {consentText(fields)}
      </CheckRow>
    </View>
  );
}
