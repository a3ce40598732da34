import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { BOOKING_KIND_LABELS, BOOKING_STATUS_LABELS, INTAKE_TOPIC_LABELS, bookingIcs, type MyBooking } from '@xinqiao/shared';
import LoadStatus from '../../../components/LoadStatus';
import LoginPrompt from '../../../components/LoginPrompt';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { bookingPlace, bookingWhen, cancelConfirmation, chinaMoment, phoneCalendarEvent } from '../../../features/bookings/display';
import { bookingFailure } from '../../../features/bookings/errors';
import { MY_BOOKINGS_URL, bookUrl } from '../../../features/bookings/routes';
import { idParam } from '../../../features/quizzes/routes';
import { FinalLoadError, useLoad } from '../../../hooks/useLoad';
import { useResident } from '../../../hooks/useResident';
import { cancelBooking, getMyBooking, rateBooking } from '../../../services/bookings';
import type { RequestError } from '../../../services/request';
import { callNumber } from '../../../packageScales/components/call';
import MapLink from '../../components/MapLink';
import Stars from '../../components/Stars';
import '../../components/bookings.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const IS_H5 = process.env.TARO_ENV === 'h5';
const COMMENT_MAX = 200;

/** H5: the booking as an .ics file the phone's calendar opens (shared `bookingIcs`). */
function downloadIcs(booking: MyBooking): void {
  const text = bookingIcs(booking, { host: window.location.host || 'xinqiao', stamp: new Date() });
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `xinqiao-booking-${booking.id}.ics`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function addToPhoneCalendar(booking: MyBooking): void {
  Taro.addPhoneCalendar(phoneCalendarEvent(booking))
    .then(() => void Taro.showToast({ title: '已添加到手机日历', icon: 'success' }))
    .catch((e: { errMsg?: string }) => {
      // Cancelled by the resident: nothing to say.
      if (!/cancel/i.test(e?.errMsg ?? '')) void Taro.showToast({ title: '未能添加到日历，请检查日历权限', icon: 'none' });
    });
}

/** A booking: just confirmed (`fresh`), or opened from 我的预约; cancel, reschedule and rate from here. */
export default function BookingPage() {
  const { params } = useRouter();
  const id = idParam(params.id);
  const fresh = params.fresh === '1';
  const reminders = params.reminders === '1';
  const { resident, refresh, setProfile } = useResident();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');

  const fetchBooking = useCallback(async (): Promise<MyBooking> => {
    if (id === null) throw new FinalLoadError('预约地址有误');
    await refresh();
    try {
      return await getMyBooking(id);
    } catch (e) {
      // Signed out meanwhile: look again, so the page asks to sign in.
      if ((e as RequestError).statusCode === 401) await refresh();
      throw e;
    }
  }, [id, refresh]);
  const { state, data: booking, reload: load, setData } = useLoad(fetchBooking, { when: 'show', notFound: '预约不存在或已删除' });

  if (resident.status === 'anonymous') {
    return (
      <View className="bk-page">
        <LoginPrompt
          hint="登录后可以查看您的预约。"
          onLoggedIn={(p) => {
            setProfile(p);
            void load();
          }}
        />
      </View>
    );
  }
  if (!booking) {
    return (
      <LoadStatus state={state} onRetry={() => void load()} className="bk-page">
        <Text className="bk-link" onClick={() => void Taro.redirectTo({ url: MY_BOOKINGS_URL })}>
          查看我的预约
        </Text>
      </LoadStatus>
    );
  }

  const now = new Date();
  const upcoming = booking.status === 'confirmed' && Date.parse(booking.end) > now.getTime();

  const cancel = async () => {
    const { title, content } = cancelConfirmation(booking, new Date());
    const { confirm } = await Taro.showModal({ title, content, confirmText: '取消预约', confirmColor: '#e34d59', cancelText: '再想想' });
    if (!confirm) return;
    setBusy(true);
    setMessage(null);
    try {
      const updated = await cancelBooking(booking.id);
      setData(() => updated);
      void Taro.showToast({ title: updated.status === 'late_cancelled' ? '已取消（逾期）' : '已取消预约', icon: 'none' });
    } catch (e) {
      setMessage(bookingFailure(e as RequestError).message);
    } finally {
      setBusy(false);
    }
  };

  const rate = async () => {
    if (score < 1) {
      setMessage('请先选择 1-5 星');
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const updated = await rateBooking(booking.id, { score, comment: comment.trim() || null });
      setData(() => updated);
      void Taro.showToast({ title: '感谢您的评价', icon: 'success' });
    } catch (e) {
      setMessage((e as RequestError).message);
    } finally {
      setBusy(false);
    }
  };

  const station = booking.kind === 'in_person' ? booking.station : null;

  return (
    <View className="bk-page booking">
      {fresh && booking.status === 'confirmed' && (
        <View className="card booking__success">
          <Text className="bk-title">预约成功</Text>
          <Text className="bk-text">
            {booking.kind === 'in_person'
              ? '请按时到站。如不能前往，请提前在“我的预约”中取消或改期。'
              : booking.kind === 'phone'
                ? '咨询师将在预约时间拨打您留下的电话，请保持电话畅通。'
                : '热线值班人员将在所选时段内回电，请留意来电。'}
          </Text>
          {reminders && <Text className="bk-ok booking__reminders">已开启提醒：预约前我们会通过微信提醒您。</Text>}
        </View>
      )}

      <View className="card">
        <View className="my-booking__head">
          <Text className="bk-section">{BOOKING_KIND_LABELS[booking.kind]}</Text>
          <Text className={`bk-status bk-status--${booking.status} booking__status`}>{BOOKING_STATUS_LABELS[booking.status]}</Text>
        </View>
        <View className="bk-row">
          <Text className="bk-row__label">时间</Text>
          <Text className="bk-row__value booking__when">{bookingWhen(booking, now)}</Text>
        </View>
        {station && (
          <View className="bk-row">
            <Text className="bk-row__label">地点</Text>
            <View className="bk-row__value">
              <Text>{station.name}</Text>
              <Text className="bk-small">{station.address}</Text>
              {station.location && <MapLink point={station.location} name={station.name} address={station.address} label="导航到这里" />}
              {station.phone && (
                <Text className="bk-link" onClick={() => callNumber(station.phone!)}>
                  拨打站点电话 {station.phone}
                </Text>
              )}
            </View>
          </View>
        )}
        {!station && (
          <View className="bk-row">
            <Text className="bk-row__label">方式</Text>
            <Text className="bk-row__value">{bookingPlace(booking)}</Text>
          </View>
        )}
        {booking.counsellor && (
          <View className="bk-row">
            <Text className="bk-row__label">咨询师</Text>
            <View className="bk-row__value">
              <Text>
                {booking.counsellor.name}
                {booking.counsellor.title ? ` · ${booking.counsellor.title}` : ''}
              </Text>
              <Text className="bk-small">{booking.counsellor.qualification}</Text>
            </View>
          </View>
        )}
        {booking.topic && (
          <View className="bk-row">
            <Text className="bk-row__label">主题</Text>
            <Text className="bk-row__value">{INTAKE_TOPIC_LABELS[booking.topic]}</Text>
          </View>
        )}
        {booking.status === 'confirmed' && (
          <Text className="bk-small booking__cutoff">
            {now.getTime() <= Date.parse(booking.cutoffAt)
              ? `${chinaMoment(booking.cutoffAt)} 前可以免费取消或改期；之后取消将记为逾期取消，且不能改期。`
              : `已过取消截止时间（${chinaMoment(booking.cutoffAt)}），现在取消将记为逾期取消，且不能改期。`}
          </Text>
        )}
      </View>

      {message && <Text className="bk-problems booking__message">{message}</Text>}

      {upcoming && (
        <View className="bk-actions">
          {IS_WEAPP && (
            <Button className="xq-button booking__calendar" onClick={() => addToPhoneCalendar(booking)}>
              添加到手机日历
            </Button>
          )}
          {IS_H5 && (
            <Button className="xq-button booking__calendar" onClick={() => downloadIcs(booking)}>
              下载日历文件（.ics）
            </Button>
          )}
          {booking.canReschedule && (
            <Button
              className="xq-button xq-button--plain booking__reschedule"
              disabled={busy || undefined}
              onClick={() =>
                void Taro.navigateTo({
                  url: bookUrl({
                    kind: booking.kind,
                    stationId: booking.kind === 'in_person' ? booking.station?.id : undefined,
                    lineId: booking.line?.id,
                    rescheduleId: booking.id,
                  }),
                })
              }
            >
              改期
            </Button>
          )}
          {booking.canCancel && (
            <Button className="xq-button xq-button--danger booking__cancel" disabled={busy || undefined} onClick={() => void cancel()}>
              取消预约
            </Button>
          )}
        </View>
      )}

      {booking.canRate && (
        <View className="card booking__rate">
          <Text className="bk-section">为这次咨询评分</Text>
          <Stars value={score} onChange={setScore} />
          <Textarea
            className="bk-textarea booking__comment"
            value={comment}
            maxlength={COMMENT_MAX}
            placeholder="想说的话（选填）"
            onInput={(e) => setComment(e.detail.value)}
          />
          <Button className="xq-button booking__rate-submit" disabled={busy || undefined} onClick={() => void rate()}>
            提交评价
          </Button>
        </View>
      )}
      {booking.rating && (
        <View className="card booking__rated">
          <Text className="bk-section">您的评价</Text>
          <Stars value={booking.rating.score} />
          {booking.rating.comment && <Text className="bk-text">{booking.rating.comment}</Text>}
        </View>
      )}

      <Text className="bk-link booking__mine" onClick={() => void Taro.redirectTo({ url: MY_BOOKINGS_URL })}>
        查看我的预约 ›
      </Text>
      <PrivacyNotice firstUse={false} />
    </View>
  );
}
