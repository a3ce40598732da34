/** `@tarojs/components` as plain DOM elements, enough for rendering logic under jsdom. */
import type { CSSProperties, ReactNode } from 'react';

type Props = { className?: string; children?: ReactNode; onClick?: (e: unknown) => void; [key: string]: unknown };

const pick = ({ className, children, onClick, id, style, ...rest }: Props) => ({
  className,
  children,
  onClick,
  id: id as string | undefined,
  style: typeof style === 'object' && style !== null ? (style as CSSProperties) : undefined,
  // data-* attributes reach the DOM, as in the H5 build.
  ...Object.fromEntries(Object.entries(rest).filter(([key]) => key.startsWith('data-'))),
});

export const View = (p: Props & { dangerouslySetInnerHTML?: { __html: string } }) =>
  p.dangerouslySetInnerHTML ? <div className={p.className} onClick={p.onClick} dangerouslySetInnerHTML={p.dangerouslySetInnerHTML} /> : <div {...pick(p)} />;
export const Text = (p: Props) => <span {...pick(p)} />;
export const ScrollView = (p: Props) => <div {...pick(p)} />;
export const Image = (p: Props & { src?: string }) => <img className={p.className} src={p.src} alt="" />;
export const Button = (p: Props & { openType?: string; disabled?: boolean }) => (
  <button type="button" {...pick(p)} disabled={Boolean(p.disabled)} data-open-type={p.openType} />
);
export const Input = (p: Props & { value?: string }) => <input className={p.className} defaultValue={p.value} />;
export const RichText = (p: Props & { nodes?: string }) => (
  <div className={p.className} data-rich-text dangerouslySetInnerHTML={{ __html: typeof p.nodes === 'string' ? p.nodes : '' }} />
);
export const Textarea = (p: Props & { value?: string; onInput?: (e: { detail: { value: string } }) => void }) => (
  <textarea className={p.className} value={p.value ?? ''} onChange={(e) => p.onInput?.({ detail: { value: e.target.value } })} />
);
export const Map = (p: Props) => <div className={p.className} data-map />;
