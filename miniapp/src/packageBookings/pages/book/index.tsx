import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { BOOKING_KIND_LABELS, type BookingKind } from '@xinqiao/shared';
import { ChoiceCard } from '../../../components/Choice';
import HotlineCard from '../../../components/HotlineCard';
import LoadStatus from '../../../components/LoadStatus';
import LoginPrompt from '../../../components/LoginPrompt';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { bookingWhen, chinaClock } from '../../../features/bookings/display';
import { helpUrl } from '../../../features/bookings/routes';
import SlotPicker from '../../components/SlotPicker';
import Intake from './Intake';
import { useBookSession } from './useBookSession';
import '../../components/bookings.scss';
import './index.scss';

const KIND_DESCRIPTIONS: Record<BookingKind, string> = {
  in_person: '到心理服务站与咨询师面对面交谈',
  phone: '咨询师在预约时间拨打您留下的电话',
  callback: '请回电给我：选择热线和时间段，值班人员在该时段内给您回电',
};

export default function BookPage() {
  const session = useBookSession();
  const {
    stationId,
    rescheduleId,
    kinds,
    kindsError,
    kind,
    chooseKind,
    station,
    counsellorId,
    showAllCounsellors,
    counsellorName,
    lines,
    lineId,
    setLineId,
    original,
    target,
    slots,
    loadSlots,
    notice,
    loginFor,
    loggedIn,
    holding,
    takeHold,
    hold,
  } = session;

  if (hold && kind) return <Intake session={session} hold={hold} kind={kind} />;

  // ---- choosing what to book, then a slot ----
  return (
    <View className="bk-page book">
      {notice && <Text className="bk-notice book-notice">{notice}</Text>}
      {original && (
        <View className="card">
          <Text className="bk-section">改期</Text>
          <Text className="bk-text">原预约：{bookingWhen(original, new Date())}。请选择新的时段。</Text>
        </View>
      )}

      {rescheduleId === null && (
        <View className="card book-kinds">
          <Text className="bk-section">选择预约方式</Text>
          <LoadStatus
            loading={kinds === null && !kindsError}
            error={kindsError}
            empty={kinds?.length === 0 ? '暂未开放在线预约，可拨打心理援助热线 12356' : null}
          />
          {kinds?.map((k) => (
            <ChoiceCard
              key={k.kind}
              className={`book-kind book-kind--${k.kind}`}
              selected={kind === k.kind}
              title={
                k.kind === 'in_person' && station
                  ? `${BOOKING_KIND_LABELS[k.kind]} · ${station.name}`
                  : k.kind === 'callback'
                    ? '热线回电 · 请回电给我'
                    : BOOKING_KIND_LABELS[k.kind]
              }
              description={
                k.kind === 'in_person' && stationId === null
                  ? '先选择一个服务站点，再预约到站面询'
                  : `${KIND_DESCRIPTIONS[k.kind]}（每次约 ${k.durationMinutes} 分钟）`
              }
              onSelect={() => chooseKind(k.kind)}
            />
          ))}
        </View>
      )}

      {kind === 'callback' && rescheduleId === null && (
        <View className="card book-lines">
          <Text className="bk-section">选择热线</Text>
          <LoadStatus loading={lines === null} empty={lines?.length === 0 ? '您所在地区暂未开通热线回电，可直接拨打 12356' : null} />
          {lines?.map((l) => (
            <ChoiceCard
              key={l.id}
              className="book-line"
              selected={lineId === l.id}
              title={l.name}
              description={`${l.number} · ${l.regionName}`}
              onSelect={() => setLineId(l.id)}
            />
          ))}
        </View>
      )}

      {target && (
        <View className="card book-slots">
          <Text className="bk-section">选择时间</Text>
          {counsellorId !== null && (
            <View className="book-filter">
              <Text className="bk-small">只显示{counsellorName(counsellorId)}的时段。</Text>
              <Text className="bk-link book-filter__all" onClick={showAllCounsellors}>
                查看全部咨询师
              </Text>
            </View>
          )}
          <LoadStatus
            loading={slots.status === 'loading'}
            loadingText="正在查询可预约时段…"
            error={slots.status === 'error' ? slots.message : null}
            onRetry={() => void loadSlots()}
          />
          {slots.status === 'ready' && (
            <SlotPicker
              slots={slots.slots}
              counsellorName={counsellorName}
              callback={kind === 'callback'}
              now={new Date()}
              disabled={holding}
              onPick={(s) => void takeHold(s)}
            />
          )}
          {holding && <Text className="list-status">正在为您保留时段…</Text>}
        </View>
      )}

      {loginFor && <LoginPrompt hint={`预约需要先登录。登录后将为您保留 ${chinaClock(loginFor.start)} 这个时段。`} onLoggedIn={loggedIn} />}

      <View className="card book-help">
        <Text className="bk-text">现在就很难受，等不及预约？</Text>
        <Text className="bk-link book-help__link" onClick={() => void Taro.navigateTo({ url: helpUrl('now') })}>
          请人尽快联系我 ›
        </Text>
      </View>
      <HotlineCard compact />
      <PrivacyNotice firstUse={false} />
    </View>
  );
}
