import { useMemo } from 'react';
import { View } from '@tarojs/components';
import { qrRows } from '../../features/events/qr';
import './events.scss';

/**
 * The ticket token as a QR code drawn with Views (one per run of modules), the same on WeChat and
 * H5. `data-token` carries the text for browser tests and the staff scanner's own tests.
 */
export default function TicketQr({ token }: { token: string }) {
  const { size, rows } = useMemo(() => qrRows(token), [token]);
  return (
    <View className="ticket-qr" data-token={token}>
      <View className="ticket-qr__matrix">
        {rows.map((runs, y) => (
          <View key={y} className="ticket-qr__row">
            {runs.map((run, x) => (
              <View key={x} className={run.dark ? 'ticket-qr__dark' : 'ticket-qr__light'} style={{ width: `${(run.length / size) * 100}%` }} />
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}
