import type { StationException } from '@xinqiao/shared';
import { stationsApi } from '../../api/stations';
import { DatedExceptionsCard, type DatedExceptionsConfig } from '../../components/DatedExceptionsCard';
import { exceptionFormProblems, toExceptionInput, type ExceptionFormValues } from './stationForm';
import { rangesText } from './stationHours';
import { TimeRangesField } from './TimeRangesField';

/** A station's dated exceptions from today on: closed days and days with other hours. */
export function ExceptionsCard({ stationId }: { stationId: number }) {
  const config: DatedExceptionsConfig<StationException, ExceptionFormValues> = {
    subTitle: '某天闭站或调整开放时间（优先于每周开放时间和节假日安排）；同一天再次设置会覆盖原安排',
    emptyText: '暂无例外安排',
    list: () => stationsApi.exceptions(stationId),
    remove: (id) => stationsApi.removeException(stationId, id),
    hours: { title: '当天开放时间', has: (e) => e.hours.length > 0, render: (e) => rangesText(e.hours), noneTag: '全天闭站' },
    modal: {
      title: '设置例外安排',
      width: 560,
      none: { name: 'closed', label: '全天闭站', checked: '闭站', unchecked: '开放' },
      initialValues: { closed: true, ranges: [{ start: '09:00', end: '12:00' }], note: '' },
      hoursLabel: '当天开放时间',
      hoursField: <TimeRangesField name="ranges" emptyText="请添加时段" />,
      notePlaceholder: '如：设备检修，暂停开放',
      toForm: (v, date) => ({ ...v, date, ranges: v.ranges ?? [] }),
      problemsOf: exceptionFormProblems,
      save: (values) => stationsApi.putException(stationId, toExceptionInput(values)),
    },
  };
  return <DatedExceptionsCard key={stationId} config={config} />;
}
