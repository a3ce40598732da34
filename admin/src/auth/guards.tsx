import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { NotAllowed } from '../components/NotAllowed';
import { allows, type PermissionRequirement } from './permissions';
import { useSession } from './SessionContext';

/** Signed in and past the first-login password change, or redirected. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { staff } = useSession();
  const location = useLocation();
  if (!staff) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (staff.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}

/** Renders the page when the role holds the permission (or any one of a list). */
export function RequirePermission({ permission, children }: { permission: PermissionRequirement; children: ReactNode }) {
  const { staff } = useSession();
  if (!staff || !allows(staff.role, permission)) {
    return <NotAllowed status={403} />;
  }
  return <>{children}</>;
}
