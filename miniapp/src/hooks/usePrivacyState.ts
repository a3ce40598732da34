import { useEffect, useState } from 'react';
import { getPrivacyState, subscribePrivacy, type PrivacyState } from '../services/privacy';

export function usePrivacyState(): PrivacyState {
  const [state, setState] = useState<PrivacyState>(getPrivacyState());
  useEffect(() => {
    setState(getPrivacyState());
    return subscribePrivacy(setState);
  }, []);
  return state;
}
