import { useCallback, useState } from 'react';

/**
 * Freeze `value` while a modal is open and refresh it each time the modal opens. A list reloading
 * behind a closing ModalForm then does not change the form's initial values under it.
 */
export function useOpenSnapshot<T>(value: T): [T, (open: boolean) => void] {
  const [snapshot, setSnapshot] = useState(value);
  const onOpenChange = useCallback(
    (open: boolean) => {
      if (open) setSnapshot(value);
    },
    [value],
  );
  return [snapshot, onOpenChange];
}
