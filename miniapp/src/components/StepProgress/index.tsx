import { Text, View } from '@tarojs/components';
import './index.scss';

/**
 * The header of a one-question-per-screen flow: where the resident is, how much is answered and a
 * bar. `className` (e.g. `scale-progress`) is the selector pages and browser tests look for.
 */
export default function StepProgress({ className, label, count, percent }: { className: string; label: string; count: string; percent: number }) {
  return (
    <View className={`step-progress ${className}`}>
      <View className="step-progress__row">
        <Text className="step-progress__label">{label}</Text>
        <Text className="step-progress__count">{count}</Text>
      </View>
      <View className="step-progress__bar">
        <View className="step-progress__fill" style={{ width: `${percent}%` }} />
      </View>
    </View>
  );
}
