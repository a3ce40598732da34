/** Minimal NutUI stand-ins: the props our pages use, rendered as plain DOM. */
import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';

type AnyProps = { className?: string; children?: ReactNode; [key: string]: unknown };

type PaneProps = { title: string; value: string };
const TabPane = (_p: PaneProps) => null;

export const Tabs = Object.assign(
  ({ value, onChange, children, className }: AnyProps & { value?: string; onChange?: (v: string) => void }) => (
    <div className={className} role="tablist">
      {Children.toArray(children)
        .filter((c): c is ReactElement<PaneProps> => isValidElement(c))
        .map((c) => (
          <button key={c.props.value} type="button" role="tab" aria-selected={c.props.value === value} onClick={() => onChange?.(c.props.value)}>
            {c.props.title}
          </button>
        ))}
    </div>
  ),
  { TabPane },
);

export const Popup = ({ visible, children, className }: AnyProps & { visible?: boolean }) =>
  visible ? (
    <div className={className} role="dialog">
      {children}
    </div>
  ) : null;

export const Button = ({ children, className, onClick, disabled }: AnyProps & { onClick?: () => void; disabled?: boolean }) => (
  <button type="button" className={className} disabled={disabled} onClick={onClick}>
    {children}
  </button>
);

export const Input = ({ value, onChange, className, placeholder }: AnyProps & { value?: string; onChange?: (v: string) => void; placeholder?: string }) => (
  <input className={className} value={value} placeholder={placeholder} onChange={(e) => onChange?.(e.target.value)} />
);

export const Cell = ({ title, extra, className, onClick }: AnyProps & { title?: ReactNode; extra?: ReactNode; onClick?: () => void }) => (
  <div className={className} onClick={onClick}>
    <span>{title}</span>
    {extra}
  </div>
);

export const CellGroup = ({ title, children }: AnyProps & { title?: ReactNode }) => (
  <section>
    <h2>{title}</h2>
    {children}
  </section>
);

type CascaderOption = { text: string; value: string | number; children?: CascaderOption[] };

/** While visible: one button per leaf (`永川区 > 胜利路街道 > 萱花社区`) that completes the cascade. */
export const Cascader = ({
  visible,
  options,
  className,
  onChange,
}: AnyProps & { visible?: boolean; options?: CascaderOption[]; onChange?: (value: Array<string | number>) => void }) => {
  if (!visible) return null;
  const leaves: { label: string; path: Array<string | number> }[] = [];
  const walk = (list: CascaderOption[], names: string[], path: Array<string | number>) =>
    list.forEach((o) =>
      o.children?.length
        ? walk(o.children, [...names, o.text], [...path, o.value])
        : leaves.push({ label: [...names, o.text].join(' > '), path: [...path, o.value] }),
    );
  walk(options ?? [], [], []);
  return (
    <div className={className} role="listbox">
      {leaves.map((l) => (
        <button key={l.label} type="button" onClick={() => onChange?.(l.path)}>
          {l.label}
        </button>
      ))}
    </div>
  );
};
export const Picker = () => null;
