import { resetTaroMock } from './mocks/taro';
import { resetPrivacyStateForTests } from '../src/services/privacy';

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  delete process.env.TARO_APP_API_BASE;
  resetTaroMock();
  resetPrivacyStateForTests();
});
