// Named places where the app shell puts content that features show but may not build
// themselves (features never import each other): e.g. the Story Overview shows the sync state,
// which the sync feature renders and src/app hands over through this context.
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';

export type AppSlotName = 'syncSummary';

const AppSlotsContext = createContext<Partial<Record<AppSlotName, ReactNode>>>({});

export function AppSlotsProvider({
  slots,
  children,
}: {
  slots: Partial<Record<AppSlotName, ReactNode>>;
  children: ReactNode;
}) {
  return <AppSlotsContext.Provider value={slots}>{children}</AppSlotsContext.Provider>;
}

/** Renders what the shell put in `name`, or `fallback` when nothing is there. */
export function AppSlot({ name, fallback = null }: { name: AppSlotName; fallback?: ReactNode }) {
  const slots = useContext(AppSlotsContext);
  return <>{slots[name] ?? fallback}</>;
}
