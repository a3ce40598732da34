import { useMemo, useState } from 'react';
import { App, Button, Form, Result, type FormInstance } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useLoadItem, type LoadedItem } from '../hooks/useLoadItem';
import { NotAllowed } from './NotAllowed';
import { PageLoading } from './PageLoading';

export interface ItemEditorOptions<T extends { id: number }, V, I> {
  /** The item's id from the URL; null on the create page, NaN for a malformed URL. */
  id: number | null;
  load: (id: number) => Promise<T>;
  create: (input: I) => Promise<T>;
  update: (id: number, input: I) => Promise<T>;
  /** Shown when loading failed and the server said nothing usable. */
  failMessage: string;
  toForm: (item: T) => V;
  emptyForm: () => V;
  /** Checks beyond the fields' own rules; any problem stops the save and is listed at the top. */
  problemsOf: (values: V) => string[];
  toInput: (values: V) => I;
  savedMessage: (saved: T) => string;
  /** A new item continues on its own URL (where what hangs off it can be added). */
  urlOf: (id: number) => string;
}

/**
 * The load / validate / save frame of a create-or-edit page (stations, counsellors): the item
 * loaded through useLoadItem, the form's initial values computed once per loaded item (ProForm
 * reads them on mount only), field and cross-field checks, and the save that creates or updates.
 */
export function useItemEditor<T extends { id: number }, V, I>(options: ItemEditorOptions<T, V, I>) {
  const { id, load, create, update, failMessage, toForm, emptyForm, problemsOf, toInput, savedMessage, urlOf } = options;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const loaded = useLoadItem(id === null || Number.isNaN(id) ? null : id, () => load(id!), failMessage);
  const { item, setItem } = loaded;
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const itemId = item?.id;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const initialValues = useMemo(() => (item ? toForm(item) : emptyForm()), [itemId]);

  const save = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      void message.error('请检查表单中标红的内容');
      return;
    }
    const found = problemsOf(values);
    setProblems(found);
    if (found.length) {
      window.scrollTo({ top: 0, behavior: 'smooth' });
      return;
    }
    setSaving(true);
    try {
      const input = toInput(values);
      const saved = id === null ? await create(input) : await update(id, input);
      void message.success(savedMessage(saved));
      if (id === null) navigate(urlOf(saved.id), { replace: true });
      else setItem(saved);
    } catch {
      // shown by the API client
    } finally {
      setSaving(false);
    }
  };

  return { id, loaded, item, form: form as FormInstance<V>, initialValues, saving, problems, clearProblems: () => setProblems([]), save };
}

/** Whether an item page still waits for its item (or cannot have one): then it shows ItemGate instead. */
export function itemPending<T>(id: number | null, loaded: LoadedItem<T>): boolean {
  return (id !== null && Number.isNaN(id)) || loaded.error !== null || (id !== null && !loaded.item);
}

/** What an item page shows until its item is there: 404 for a malformed URL, the load error with a way back, or a spinner. */
export function ItemGate<T>({ id, loaded, back }: { id: number | null; loaded: LoadedItem<T>; back: { label: string; url: string } }) {
  const navigate = useNavigate();
  if (id !== null && Number.isNaN(id)) return <NotAllowed status={404} />;
  if (loaded.error) {
    return (
      <Result
        status={loaded.error.status === 404 ? '404' : 'warning'}
        title={loaded.error.message}
        extra={<Button onClick={() => navigate(back.url)}>{back.label}</Button>}
      />
    );
  }
  return <PageLoading />;
}
