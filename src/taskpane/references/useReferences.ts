/**
 * The plan and previous-period workbooks the Kiểm tra tab checks against (spec §9): picked once, read where
 * the checks run (the check worker keeps them: each is sent once, not with every check), remembered through
 * a store — the workbook's settings in Excel, the browser's localStorage in file mode — and restored when
 * the pane opens.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { StoredReferences } from "../../engine/periods/snapshot";
import { checkEngine, type CheckEngine } from "../check/checkClient";
import type { ReferenceRole } from "../check/checkWork";
import { shownError, type Bilingual } from "../shownError";

export type { ReferenceRole };

export interface ReferenceStore {
  load(): Promise<StoredReferences>;
  save(stored: StoredReferences): Promise<void>;
}

export const LOCAL_REFERENCES_KEY = "phuluc.references";

/** File mode: one remembered pair per browser (there is no document to keep them in). */
export function localReferenceStore(
  storage: () => Storage | undefined = () => globalThis.localStorage,
): ReferenceStore {
  return {
    load: async () => JSON.parse(storage()?.getItem(LOCAL_REFERENCES_KEY) ?? "{}") as StoredReferences,
    save: async (stored) => {
      const target = storage();
      if (!target) return;
      try {
        target.setItem(LOCAL_REFERENCES_KEY, JSON.stringify(stored));
      } catch {
        // A full or blocked storage only means the choice is not remembered; the checks still use it.
      }
    },
  };
}

export interface ReferencesState {
  /** File names shown beside each picker (absent: not compared). */
  names: Partial<Record<ReferenceRole, string>>;
  /** Grows each time the references the checks use change: the check hooks re-check on it. */
  version: number;
  busy: boolean;
  error?: Bilingual;
  pick: (role: ReferenceRole, file: File) => Promise<void>;
  clear: (role: ReferenceRole) => Promise<void>;
}

const ROLES: ReferenceRole[] = ["plan", "previous"];

export function useReferences(store: ReferenceStore, engine: () => CheckEngine = checkEngine): ReferencesState {
  const stored = useRef<StoredReferences>({});
  const [names, setNames] = useState<ReferencesState["names"]>({});
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Bilingual | undefined>();

  // What the workbook remembered is handed to the checks once; nothing remembered changes nothing.
  useEffect(() => {
    let live = true;
    (async () => {
      const loaded = await store.load();
      const restored: ReferencesState["names"] = {};
      for (const role of ROLES) {
        const snapshot = loaded[role];
        if (!snapshot) continue;
        const inUse = await engine().setReference(role, { snapshot });
        restored[role] = inUse?.file;
      }
      if (!live) return;
      stored.current = loaded;
      if (restored.plan || restored.previous) {
        setNames(restored);
        setVersion((v) => v + 1);
      }
    })().catch((e) => live && setError(shownError(e)));
    return () => {
      live = false;
    };
  }, [store, engine]);

  const change = useCallback(
    async (role: ReferenceRole, file: File | null) => {
      setBusy(true);
      setError(undefined);
      try {
        const inUse = await engine().setReference(role, file && { file });
        stored.current = { ...stored.current, [role]: inUse?.snapshot };
        setNames((n) => ({ ...n, [role]: inUse?.file }));
        setVersion((v) => v + 1);
        await store.save(stored.current);
      } catch (e) {
        setError(shownError(e));
      } finally {
        setBusy(false);
      }
    },
    [store, engine],
  );

  return {
    names,
    version,
    busy,
    error,
    pick: useCallback((role, file) => change(role, file), [change]),
    clear: useCallback((role) => change(role, null), [change]),
  };
}
