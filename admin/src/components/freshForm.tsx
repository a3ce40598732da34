import { useCallback, useState, type ComponentType } from 'react';

/** What a modal form wrapped by `withFreshForm` receives, to pass on as `modalProps.afterClose`. */
export interface FreshFormProps {
  afterClose(): void;
}

/**
 * ModalForm keeps its form store between openings (it resets only with the deprecated
 * `destroyOnClose`, and then to the previous initial values), so "新建" would reopen with the last
 * entry. Remounting the component after each close gives every opening a new store built from its
 * initial values.
 */
export function withFreshForm<P extends object>(Body: ComponentType<P & FreshFormProps>): ComponentType<P> {
  function Fresh(props: P) {
    const [generation, setGeneration] = useState(0);
    const afterClose = useCallback(() => setGeneration((g) => g + 1), []);
    return <Body key={generation} {...props} afterClose={afterClose} />;
  }
  Fresh.displayName = `Fresh(${Body.displayName ?? Body.name})`;
  return Fresh;
}
