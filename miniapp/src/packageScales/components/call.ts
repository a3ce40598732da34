import Taro from '@tarojs/taro';
import { dialable } from '@xinqiao/shared';

export function callNumber(number: string): void {
  Taro.makePhoneCall({ phoneNumber: dialable(number) }).catch(() => {
    // Cancelled by the resident, or no phone on this device (desktop browser).
  });
}
