import { Typography } from 'antd';
import type { AuditEntryDto } from '@xinqiao/shared';

/** The entry's `details` as indented JSON (shown when a row is expanded). */
export function AuditDetails({ entry }: { entry: AuditEntryDto }) {
  return (
    <Typography.Paragraph style={{ margin: 0 }}>
      <pre className="xq-json" data-testid="audit-details">
        {JSON.stringify(entry.details, null, 2)}
      </pre>
    </Typography.Paragraph>
  );
}
