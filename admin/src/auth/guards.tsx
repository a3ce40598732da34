import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { NotAllowed } from '../components/NotAllowed';
import { allows, type PermissionRequirement } from './permissions';
import { useSession } from './SessionContext';

/**
 * Signed in (a first-login password change may still be due), or redirected to the login page
 * remembering where to come back to. Decided before any of the console's chunks load.
 */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { staff } = useSession();
  const location = useLocation();
  if (!staff) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** Signed in and past the first-login password change, or redirected. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { staff } = useSession();
  if (staff?.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <RequireSignIn>{children}</RequireSignIn>;
}

/** Renders the page when the role holds the permission (or any one of a list). */
export function RequirePermission({ permission, children }: { permission: PermissionRequirement; children: ReactNode }) {
  const { staff } = useSession();
  if (!staff || !allows(staff.role, permission)) {
    return <NotAllowed status={403} />;
  }
  return <>{children}</>;
}
