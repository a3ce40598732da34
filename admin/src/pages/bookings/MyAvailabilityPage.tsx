import { useMemo } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Result, Skeleton } from 'antd';
import { useStaff } from '../../auth/SessionContext';
import { AvailabilityEditor } from '../counsellors/AvailabilityEditor';
import { useMyCounsellor, useStationOptions } from './lookups';

/** 我的可预约时间: a counsellor keeps the bookable time of their own profile (bookings.handle). */
export default function MyAvailabilityPage() {
  const staff = useStaff();
  const me = useMyCounsellor(staff);
  const stationOptions = useStationOptions(staff);
  const stationNames = useMemo(() => new Map(stationOptions.map((o) => [o.value, o.label])), [stationOptions]);

  return (
    <PageContainer
      title="我的可预约时间"
      subTitle={me.status === 'found' ? `${me.counsellor.name} · ${me.counsellor.qualification}` : '设置每周可接受预约的时段和个别日期的调整'}
    >
      {me.status === 'loading' ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : me.status === 'error' ? (
        <Result status="warning" title="未能读取您的咨询师信息" subTitle={me.message} />
      ) : me.status === 'none' ? (
        <Result status="info" title="您的账号尚未关联咨询师信息" subTitle="请联系站点负责人在“咨询师”中关联您的账号，之后即可在此设置可预约时间。" />
      ) : (
        <AvailabilityEditor counsellor={me.counsellor} stationNames={stationNames} />
      )}
    </PageContainer>
  );
}
