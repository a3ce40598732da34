/**
 * A small stand-in for `@tarojs/taro` under jest: APIs are jest.fn()s, storage is in memory, and
 * page hooks register handlers that tests fire with `pageEvents`.
 */
import { useEffect, useRef } from 'react';

type Handler = () => void;

const memory = new Map<string, unknown>();
let routerParams: Record<string, string> = {};

const pageEvents = {
  pullDownRefresh: [] as Handler[],
  reachBottom: [] as Handler[],
};

/** What the platform does when the page is scrolled to the bottom / pulled down. */
export function fireReachBottom(): void {
  pageEvents.reachBottom.forEach((h) => h());
}

export function firePullDownRefresh(): void {
  pageEvents.pullDownRefresh.forEach((h) => h());
}

export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export function resetTaroMock(): void {
  memory.clear();
  routerParams = {};
  pageEvents.pullDownRefresh = [];
  pageEvents.reachBottom = [];
}

const resolved = <T>(value: T) => jest.fn(() => Promise.resolve(value));

const Taro = {
  request: jest.fn(),
  login: resolved({ code: 'test-code', errMsg: 'login:ok' }),
  showToast: resolved({ errMsg: 'showToast:ok' }),
  showModal: resolved({ confirm: true, cancel: false }),
  navigateTo: resolved({ errMsg: 'navigateTo:ok' }),
  redirectTo: resolved({ errMsg: 'redirectTo:ok' }),
  navigateBack: resolved({ errMsg: 'navigateBack:ok' }),
  pageScrollTo: resolved({ errMsg: 'pageScrollTo:ok' }),
  switchTab: resolved({ errMsg: 'switchTab:ok' }),
  makePhoneCall: resolved({ errMsg: 'makePhoneCall:ok' }),
  setClipboardData: resolved({ errMsg: 'setClipboardData:ok' }),
  setNavigationBarTitle: resolved({ errMsg: 'setNavigationBarTitle:ok' }),
  scanCode: jest.fn(() => Promise.reject({ errMsg: 'scanCode:fail cancel' })),
  requestSubscribeMessage: jest.fn(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' })),
  openLocation: resolved({ errMsg: 'openLocation:ok' }),
  getLocation: jest.fn(() => Promise.reject({ errMsg: 'getLocation:fail auth deny' })),
  addPhoneCalendar: resolved({ errMsg: 'addPhoneCalendar:ok' }),
  stopPullDownRefresh: jest.fn(),
  openPrivacyContract: jest.fn(),
  getEnv: () => 'WEB',
  getStorageSync: jest.fn((key: string) => (memory.has(key) ? memory.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    memory.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string) => {
    memory.delete(key);
  }),
  getStorageInfoSync: jest.fn(() => ({ keys: [...memory.keys()], currentSize: 0, limitSize: 10240 })),
};

export default Taro;

function useOnce(cb: () => void): void {
  const ref = useRef(cb);
  useEffect(() => {
    ref.current = cb;
  });
  useEffect(() => {
    ref.current();
  }, []);
}

function usePageEvent(list: 'pullDownRefresh' | 'reachBottom', cb: Handler): void {
  const ref = useRef(cb);
  useEffect(() => {
    ref.current = cb;
  });
  useEffect(() => {
    const handler = () => ref.current();
    pageEvents[list].push(handler);
    return () => {
      pageEvents[list] = pageEvents[list].filter((h) => h !== handler);
    };
  }, [list]);
}

export const useLaunch = useOnce;
export const useLoad = useOnce;
export const useReady = useOnce;
export const useDidShow = useOnce;
export const useDidHide = (_cb: Handler): void => undefined;
export const useShareAppMessage = (_cb: () => unknown): void => undefined;
export const usePullDownRefresh = (cb: Handler): void => usePageEvent('pullDownRefresh', cb);
export const useReachBottom = (cb: Handler): void => usePageEvent('reachBottom', cb);
export const useRouter = () => ({ params: routerParams, path: '' });
