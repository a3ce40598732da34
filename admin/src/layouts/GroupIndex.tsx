import { Navigate } from 'react-router-dom';
import { useStaff } from '../auth/SessionContext';
import { firstVisibleChild } from './menu';

/** A menu group's own path (e.g. /knowledge) leads to its first section the role may open. */
export default function GroupIndex({ group }: { group: string }) {
  const staff = useStaff();
  return <Navigate to={firstVisibleChild(staff.role, group)} replace />;
}
