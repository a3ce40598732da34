/** Direct API calls for browser tests: setting the scene that the test is not about. */
export function api(baseUrl: string) {
  const call = async <T = unknown>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    call,
    staffToken: async (username: string, password = 'Demo@2026xq') =>
      (await call<{ accessToken: string }>('POST', '/auth/staff/login', { username, password })).accessToken,
    residentToken: async (openid: string) => (await call<{ accessToken: string }>('POST', '/auth/dev/login', { openid })).accessToken,
    regionByCode: async (code: string) => {
      const regions = await call<{ id: number; code: string | null }[]>('GET', '/regions');
      const region = regions.find((r) => r.code === code);
      if (!region) throw new Error(`no region ${code}`);
      return region.id;
    },
  };
}

/** The resident's side of a browser test: the mini-program H5 on a phone-sized screen, signed in by 体验登录. */
export async function signInOnH5(page: import('playwright-core').Page, baseUrl: string, openid: string): Promise<void> {
  await page.goto(`${baseUrl}/h5/#/pages/me/index`);
  await page.locator('.privacy-notice__agree').click({ timeout: 15000 });
  await page.locator('.dev-login__input input').fill(openid);
  await page.locator('.dev-login__submit').click();
  await page.locator('.profile-form').waitFor({ timeout: 15000 });
}

/** The staff side: the admin console, signed in. */
export async function signInToAdmin(page: import('playwright-core').Page, baseUrl: string, username: string, password = 'Demo@2026xq'): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}
