import { useEffect, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { chinaDate, type Slot } from '@xinqiao/shared';
import { chinaDateLabel, groupSlotsByCounsellor, groupSlotsByDay, relativeDayName, shortDate, slotRange } from '../../features/bookings/display';
import './bookings.scss';

/**
 * Free slots as day tabs (China dates) and, for sessions, one row per counsellor; call-back windows
 * show the calls still free. Tapping a slot asks the page to hold it.
 */
export default function SlotPicker({
  slots,
  counsellorName,
  callback,
  now,
  disabled,
  onPick,
}: {
  slots: readonly Slot[];
  counsellorName: (id: number | null) => string;
  callback: boolean;
  now: Date;
  disabled: boolean;
  onPick: (slot: Slot) => void;
}) {
  const days = useMemo(() => groupSlotsByDay(slots), [slots]);
  const [date, setDate] = useState<string | null>(days[0]?.date ?? null);
  // A refresh may remove the chosen day (its last slot was taken): fall back to the first.
  useEffect(() => {
    if (!days.some((d) => d.date === date)) setDate(days[0]?.date ?? null);
  }, [days, date]);

  if (!days.length) return <Text className="list-status slots-empty">近期暂无可预约的时段，请换一种方式或稍后再看</Text>;
  const today = chinaDate(now);
  const day = days.find((d) => d.date === date) ?? days[0];
  const groups = callback ? [{ counsellorId: null, slots: day.slots }] : groupSlotsByCounsellor(day.slots);

  return (
    <View className="slot-picker">
      <View className="day-tabs">
        {days.map((d) => (
          <View
            key={d.date}
            className={`day-tabs__item${d.date === day.date ? ' day-tabs__item--selected' : ''}`}
            data-date={d.date}
            onClick={() => setDate(d.date)}
          >
            <Text>{relativeDayName(d.date, today)}</Text>
            <Text>{shortDate(d.date)}</Text>
          </View>
        ))}
      </View>
      <Text className="bk-small slot-picker__day">{chinaDateLabel(day.date)}（北京时间）</Text>
      {groups.map((g) => (
        <View key={String(g.counsellorId)} className="slot-group">
          {!callback && <Text className="slot-group__who">{counsellorName(g.counsellorId)}</Text>}
          <View className="slot-group__slots">
            {g.slots.map((s) => (
              <View
                key={`${s.start}-${s.counsellorId ?? ''}-${s.stationId ?? ''}`}
                className={`slot${disabled ? ' slot--busy' : ''}`}
                data-start={s.start}
                onClick={disabled ? undefined : () => onPick(s)}
              >
                <Text>{slotRange(s)}</Text>
                {callback && <Text className="bk-small">剩余 {s.seatsLeft} 个名额</Text>}
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}
