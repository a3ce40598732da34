import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './Choice.scss'

const cx = (...names: Array<string | false | null | undefined>) => names.filter(Boolean).join(' ')

/** A checkbox row. `className` gets a `--checked` twin so tests and styles can see the state. */
export function CheckRow({
  className,
  checked,
  disabled = false,
  onChange,
  onDisabledClick,
  children,
}: {
  className: string
  checked: boolean
  disabled?: boolean
  onChange: (checked: boolean) => void
  onDisabledClick?: () => void
  children: ReactNode
}) {
  return (
    <View
      className={cx('check-row', className, checked && 'check-row--checked', checked && `${className}--checked`, disabled && 'check-row--disabled')}
      onClick={() => (disabled ? onDisabledClick?.() : onChange(!checked))}
    >
      <View className='check-row__box'>{checked ? <Text className='check-row__tick'>✓</Text> : null}</View>
      <Text className='check-row__label'>{children}</Text>
    </View>
  )
}

/** One option of a single choice, drawn as a card with a radio dot. */
export function ChoiceCard({
  className,
  selected,
  disabled = false,
  title,
  description,
  onSelect,
  onDisabledClick,
}: {
  className: string
  selected: boolean
  disabled?: boolean
  title: string
  description?: string
  onSelect: () => void
  onDisabledClick?: () => void
}) {
  return (
    <View
      className={cx('choice-card', className, selected && 'choice-card--selected', selected && `${className}--selected`, disabled && 'choice-card--disabled')}
      onClick={() => (disabled ? onDisabledClick?.() : onSelect())}
    >
      <View className='choice-card__dot'>{selected ? <View className='choice-card__dot-inner' /> : null}</View>
      <View className='choice-card__body'>
        <Text className='choice-card__title'>{title}</Text>
        {description ? <Text className='choice-card__desc'>{description}</Text> : null}
      </View>
    </View>
  )
}

/** Small pills for a short single choice (e.g. the guardian's relation). */
export function Chips<T extends string>({
  className,
  options,
  value,
  onChange,
}: {
  className: string
  options: ReadonlyArray<{ value: T; label: string }>
  value: T | null
  onChange: (value: T) => void
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
  )
}
