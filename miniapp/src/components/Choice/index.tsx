import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

const cx = (...names: Array<string | false | null | undefined>) => names.filter(Boolean).join(' ');

/** A checkbox row. `className` gets a `--checked` twin so tests and styles can see the state. */
export function CheckRow({
  className,
  checked,
  disabled = false,
  onChange,
  onDisabledClick,
  children,
}: {
  className: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  onDisabledClick?: () => void;
  children: ReactNode;
}) {
  return (
    <View
      className={cx('check-row', className, checked && 'check-row--checked', checked && `${className}--checked`, disabled && 'check-row--disabled')}
      onClick={() => (disabled ? onDisabledClick?.() : onChange(!checked))}
    >
      <View className="check-row__box">{checked ? <Text className="check-row__tick">✓</Text> : null}</View>
      <Text className="check-row__label">{children}</Text>
    </View>
  );
}

/**
 * One option drawn as a card: with a radio dot for a single choice, or a check box (`indicator='check'`)
 * for an option of a multiple choice.
 */
export function ChoiceCard({
  className,
  selected,
  disabled = false,
  indicator = 'radio',
  title,
  description,
  onSelect,
  onDisabledClick,
}: {
  className: string;
  selected: boolean;
  disabled?: boolean;
  indicator?: 'radio' | 'check';
  title: string;
  description?: string;
  onSelect: () => void;
  onDisabledClick?: () => void;
}) {
  const mark = indicator === 'check' ? <Text className="choice-card__tick">✓</Text> : <View className="choice-card__dot-inner" />;
  return (
    <View
      className={cx(
        'choice-card',
        indicator === 'check' && 'choice-card--check',
        className,
        selected && 'choice-card--selected',
        selected && `${className}--selected`,
        disabled && 'choice-card--disabled',
      )}
      onClick={() => (disabled ? onDisabledClick?.() : onSelect())}
    >
      <View className="choice-card__dot">{selected ? mark : null}</View>
      <View className="choice-card__body">
        <Text className="choice-card__title">{title}</Text>
        {description ? <Text className="choice-card__desc">{description}</Text> : null}
      </View>
    </View>
  );
}

/** Small pills for a short single choice (e.g. the guardian's relation). */
export function Chips<T extends string>({
  className,
  options,
  value,
  onChange,
}: {
  className: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T | null;
  onChange: (value: T) => void;
}) {
  return (
    <View className={cx('chips', className)}>
      {options.map((o) => (
        <View
          key={o.value}
          className={cx('chips__option', `${className}__option`, o.value === value && 'chips__option--selected')}
          onClick={() => onChange(o.value)}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  );
}
