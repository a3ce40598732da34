import { Button, View } from '@tarojs/components';
import { crisisHotlines, type Hotline } from '@xinqiao/shared';
import CrisisCard from '../../packageScales/components/CrisisCard';
import { callNumber } from '../../packageScales/components/call';
import './bookings.scss';

/**
 * The crisis card of the scale results (12356 first, then the 24-hour lines), with 110 and 120 one
 * tap away: shown at once when a resident says they are in danger now.
 */
export default function CrisisBlock({ hotlines }: { hotlines?: readonly Hotline[] }) {
  const lines = hotlines && hotlines.length ? hotlines : crisisHotlines([]);
  return (
    <View className="bk-crisis">
      <CrisisCard hotlines={lines} reasons={[]} />
      <View className="emergency-calls">
        <Button className="xq-button xq-button--danger bk-call-110" onClick={() => callNumber('110')}>
          拨打 110
        </Button>
        <Button className="xq-button xq-button--danger bk-call-120" onClick={() => callNumber('120')}>
          拨打 120
        </Button>
      </View>
    </View>
  );
}
