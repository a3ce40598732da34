import { aliyunEncode, aliyunSignature, tc3Authorization } from './sms-signing';

describe('SMS request signing', () => {
  it("signs Aliyun SendSms as in Aliyun's published worked example (testId/testSecret)", () => {
    // The example of Aliyun's "短信服务 HTTP 协议及签名" page: its published signature is zJDF+Lrzhj/ThnlvIToysFRq6t4=.
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(aliyunSignature('GET', params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('percent-encodes as RFC 3986 wants it', () => {
    expect(aliyunEncode("a b*c~d'!")).toBe('a%20b%2Ac~d%27%21');
    expect(aliyunEncode('心')).toBe('%E5%BF%83');
  });

  it('signs Tencent SendSms with TC3-HMAC-SHA256', () => {
    // Worked by hand with Python's hashlib/hmac, step by step from Tencent's signature v3 description:
    // date 2026-01-01, scope 2026-01-01/sms/tc3_request, signed headers content-type;host;x-tc-action.
    const payload =
      '{"PhoneNumberSet":["+8613800138000"],"SmsSdkAppId":"1400000001","SignName":"心桥","TemplateId":"100001","TemplateParamSet":["红色预警","胜利路街道萱花社区","管理后台/alerts/17"]}';
    expect(
      tc3Authorization({
        secretId: 'AKIDEXAMPLE',
        secretKey: 'secretKeyExample',
        host: 'sms.tencentcloudapi.com',
        service: 'sms',
        action: 'SendSms',
        payload,
        timestamp: 1767225600,
      }),
    ).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2026-01-01/sms/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=fee6bfa7c3a4a228190f8f663cc373601bfbbfcaa97f630737c21fc1e2f408ab',
    );
  });
});
