import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import type { CounsellorAccount } from '@xinqiao/shared';
import { counsellorsApi } from '../../api/counsellors';

interface Props {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** The profile being edited: its own account is not "taken". */
  counsellorId: number | null;
  /** Label of the account linked now (it may be outside the search). */
  currentName: string | null;
}

/** A counsellor account of the caller's region; accounts already linked to another profile are shown but cannot be picked. */
export function AccountSelect({ id, value, onChange, counsellorId, currentName }: Props) {
  const [accounts, setAccounts] = useState<CounsellorAccount[]>([]);
  const [keyword, setKeyword] = useState('');
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    const timer = setTimeout(() => {
      counsellorsApi.accounts({ keyword: keyword || undefined }, { silent: true }).then(
        (list) => {
          if (cancelled) return;
          setAccounts(list);
          setLoading(false);
        },
        () => !cancelled && setLoading(false),
      );
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [keyword]);

  const options = useMemo(() => {
    const list = accounts.map((a) => {
      const taken = a.counsellorId !== null && a.counsellorId !== counsellorId;
      return { value: a.id, disabled: taken, label: `${a.displayName}（${a.username}）· ${a.regionName}${taken ? ' · 已关联其他咨询师' : ''}` };
    });
    if (value != null && !accounts.some((a) => a.id === value)) list.unshift({ value, disabled: false, label: currentName ?? `账号 #${value}` });
    return list;
  }, [accounts, counsellorId, value, currentName]);

  return (
    <Select<number>
      id={id}
      allowClear
      showSearch
      filterOption={false}
      onSearch={setKeyword}
      loading={loading}
      placeholder="不关联账号"
      style={{ width: 420 }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      notFoundContent={loading ? '加载中…' : '没有可关联的咨询师账号'}
    />
  );
}
