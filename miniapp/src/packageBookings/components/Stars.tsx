import { Text, View } from '@tarojs/components';
import './bookings.scss';

const SCORES = [1, 2, 3, 4, 5] as const;
export const SCORE_LABELS: Record<number, string> = { 1: '很不满意', 2: '不满意', 3: '一般', 4: '满意', 5: '非常满意' };

/** 1-5 stars; read-only without `onChange`. Each star is labelled (`3 星`) for screen readers and tests. */
export default function Stars({ value, onChange }: { value: number; onChange?: (score: number) => void }) {
  return (
    <View className="stars">
      {SCORES.map((s) => (
        <Text
          key={s}
          className={`stars__star stars__star--${s}${s <= value ? ' stars__star--on' : ''}`}
          aria-label={`${s} 星`}
          onClick={onChange ? () => onChange(s) : undefined}
        >
          ★
        </Text>
      ))}
      {value > 0 && <Text className="bk-small stars__label">{SCORE_LABELS[value]}</Text>}
    </View>
  );
}
