import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button } from 'antd';
import { CameraOutlined, StopOutlined } from '@ant-design/icons';
import { decodeQrPixels, fitWithin, nativeQrDetector, pixelsOf } from './qrDecode';

/** Frames are read this often: quick enough for a queue of people, easy on a phone's battery. */
const FRAME_INTERVAL_MS = 250;
/** Frames are scaled down to this for jsQR; a ticket held up to the camera fills much of it. */
const FRAME_MAX_SIDE = 640;

/** The text of the QR code in the video's current frame, or null; `canvas` is reused between frames. */
async function readFrame(v: HTMLVideoElement, canvas: { current: HTMLCanvasElement | null }): Promise<string | null> {
  if (v.readyState < v.HAVE_CURRENT_DATA || v.videoWidth === 0) return null;
  const native = await nativeQrDetector();
  if (native) {
    const [first] = await native.detect(v).catch(() => []);
    return first?.rawValue ?? null;
  }
  canvas.current ??= document.createElement('canvas');
  const size = fitWithin(v.videoWidth, v.videoHeight, FRAME_MAX_SIDE);
  const pixels = pixelsOf(v, size.width, size.height, canvas.current);
  return pixels ? decodeQrPixels(pixels) : null;
}

/** The rear camera reading QR codes continuously until stopped. */
export function QrScanner({ onResult }: { onResult(text: string): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const latest = useRef(onResult);
  const [active, setActive] = useState(false);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    latest.current = onResult;
  }, [onResult]);

  const stop = useCallback(() => {
    stream.current?.getTracks().forEach((t) => t.stop());
    stream.current = null;
    if (video.current) video.current.srcObject = null;
    setActive(false);
  }, []);

  useEffect(() => stop, [stop]);

  // While the camera is on, a frame is read every FRAME_INTERVAL_MS (each read waits for the previous one).
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      const v = video.current;
      if (!v || !stream.current) return;
      const text = await readFrame(v, canvas);
      if (text) latest.current(text);
      if (stream.current && !stopped) timer = setTimeout(() => void tick(), FRAME_INTERVAL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active]);

  const start = async () => {
    setError(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setError(
        window.isSecureContext
          ? '此浏览器不支持调用摄像头，请使用“识别图片”或手动输入票码'
          : '浏览器只允许在 HTTPS 页面中使用摄像头，请使用“识别图片”（拍照）或手动输入票码',
      );
      return;
    }
    setStarting(true);
    try {
      const media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
      stream.current = media;
      if (video.current) {
        video.current.srcObject = media;
        await video.current.play();
      }
      setActive(true);
    } catch (e) {
      stop();
      const name = (e as { name?: string }).name;
      setError(name === 'NotAllowedError' ? '未获得摄像头权限，请在浏览器设置中允许本网站使用摄像头' : '无法打开摄像头，请使用“识别图片”或手动输入票码');
    } finally {
      setStarting(false);
    }
  };

  return (
    <div className="checkin-scanner">
      <video ref={video} className="checkin-scanner__video" muted playsInline hidden={!active} />
      {error ? <Alert type="warning" showIcon message={error} className="checkin-scanner__error" /> : null}
      {active ? (
        <Button icon={<StopOutlined />} onClick={stop} block>
          关闭摄像头
        </Button>
      ) : (
        <Button type="primary" icon={<CameraOutlined />} loading={starting} onClick={() => void start()} block size="large" className="checkin-scanner__start">
          扫码签到
        </Button>
      )}
    </div>
  );
}
