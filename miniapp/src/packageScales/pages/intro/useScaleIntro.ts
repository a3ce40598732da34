import { useCallback, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { needsGuardianConsent, type ScaleDefinition } from '@xinqiao/shared';
import { FinalLoadError, useLoad } from '../../../hooks/useLoad';
import { useResident } from '../../../hooks/useResident';
import {
  EMPTY_CONSENT_FORM,
  consentProblems,
  needsGuardian,
  responseAgeBand,
  toConsentInput,
  withMode,
  type ConsentContext,
  type ConsentForm,
} from '../../../features/scales/consent';
import { loadDraft, newDraft, saveDraft, type DraftLookup } from '../../../features/scales/draft';
import { takeUrl } from '../../../features/scales/routes';
import { uuidV4 } from '../../../features/scales/uuid';
import { getScale } from '../../../services/scales';

/**
 * The scale intro page's session: the scale, a half-finished attempt kept on the phone, the step
 * (说明 or 同意) and the consent form with what is still missing from it; `begin` starts a new
 * attempt with the consent given.
 */
export function useScaleIntro() {
  const { params } = useRouter();
  const code = params.code ?? '';
  const [draft, setDraft] = useState<DraftLookup>({ status: 'none' });
  const [step, setStep] = useState<'info' | 'consent'>('info');
  const [form, setForm] = useState<ConsentForm>(EMPTY_CONSENT_FORM);
  const [attempted, setAttempted] = useState(false);
  const { resident, profile, refresh, setProfile } = useResident();

  const fetchScale = useCallback(async (): Promise<ScaleDefinition> => {
    if (!code) throw new FinalLoadError('量表地址有误');
    const def = await getScale(code);
    setDraft(loadDraft(code, def.version));
    void Taro.setNavigationBarTitle({ title: def.shortTitle });
    return def;
  }, [code]);
  const { state, data: def, reload } = useLoad(fetchScale, { notFound: '这个量表不存在或已停用' });

  // Back from 我的 (region or age band just set) or from an abandoned attempt: look again.
  useDidShow(() => {
    void refresh();
    if (def) setDraft(loadDraft(code, def.version));
  });

  const ctx: ConsentContext = {
    signedIn: resident.status === 'signedIn',
    profileAgeBand: profile?.ageBand ?? null,
    profileRegionId: profile?.regionId ?? null,
  };
  const problems = consentProblems(form, ctx);

  const patch = (p: Partial<ConsentForm>) => setForm((f) => ({ ...f, ...p }));
  const chooseMode = (mode: 'save' | 'anonymous') => setForm((f) => withMode(f, mode));

  const openConsent = () => {
    setStep('consent');
    setAttempted(false);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  const resume = () => {
    void Taro.redirectTo({ url: takeUrl(code) });
  };

  const begin = () => {
    if (!def) return;
    setAttempted(true);
    if (problems.length) {
      void Taro.showToast({ title: problems[0], icon: 'none', duration: 2500 });
      return;
    }
    const consent = toConsentInput(form, ctx);
    saveDraft(
      newDraft({
        code,
        scaleVersion: def.version,
        clientRequestId: uuidV4(),
        consent,
        ageBand: responseAgeBand(form, ctx),
        // Anonymous answers are sent without the account, so say where the respondent lives (hotlines, counts).
        regionId: consent.mode === 'anonymous' ? (profile?.regionId ?? undefined) : undefined,
      }),
    );
    void Taro.redirectTo({ url: takeUrl(code) });
  };

  return {
    state,
    def,
    reload,
    draft,
    step,
    form,
    resident,
    setProfile,
    signedIn: ctx.signedIn,
    profileRegionId: ctx.profileRegionId,
    /** What the form still lacks, shown once the resident has tried to begin. */
    problems: attempted ? problems : [],
    guardianNeeded: needsGuardian(form, ctx),
    profileUnder14: needsGuardianConsent(ctx.profileAgeBand),
    patch,
    chooseMode,
    openConsent,
    backToInfo: () => setStep('info'),
    resume,
    begin,
  };
}
