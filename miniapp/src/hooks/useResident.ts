import { useCallback, useState } from 'react';
import type { ResidentProfile } from '@xinqiao/shared';
import { getMe } from '../services/api';
import { ensureLogin } from '../services/auth';
import { hasPrivacyConsent } from '../services/privacy';
import { getCachedResident, getToken } from '../services/session';

export type ResidentState = { status: 'checking' } | { status: 'anonymous' } | { status: 'signedIn'; profile: ResidentProfile };

const IS_H5 = process.env.TARO_ENV === 'h5';

function initialState(): ResidentState {
  const cached = getToken() ? getCachedResident() : null;
  return cached ? { status: 'signedIn', profile: cached } : { status: 'checking' };
}

/**
 * Who is using the page, as the 我的 tab sees it: WeChat logs in silently once the privacy guide
 * is accepted; H5 only with a 体验账号 the resident chose (never one made up behind their back).
 */
export function useResident(): {
  resident: ResidentState;
  profile: ResidentProfile | null;
  refresh: () => Promise<void>;
  setProfile: (profile: ResidentProfile) => void;
} {
  const [resident, setResident] = useState<ResidentState>(initialState);

  const refresh = useCallback(async () => {
    const canLogInSilently = !IS_H5 && hasPrivacyConsent();
    if (!getToken() && !canLogInSilently) {
      setResident({ status: 'anonymous' });
      return;
    }
    try {
      await ensureLogin();
      setResident({ status: 'signedIn', profile: await getMe() });
    } catch {
      const cached = getToken() ? getCachedResident() : null;
      setResident(cached ? { status: 'signedIn', profile: cached } : { status: 'anonymous' });
    }
  }, []);

  const setProfile = useCallback((profile: ResidentProfile) => setResident({ status: 'signedIn', profile }), []);

  return { resident, profile: resident.status === 'signedIn' ? resident.profile : null, refresh, setProfile };
}
