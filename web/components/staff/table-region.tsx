import type { ReactNode } from "react";

/**
 * A table that scrolls sideways on a narrow screen. The region is focusable so a keyboard
 * can scroll it, and named by the table's caption.
 */
export function TableRegion({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus:outline-2 focus:outline-blue-700"
    >
      {children}
    </div>
  );
}

export const th = "px-3 py-2 text-left font-semibold text-slate-800";
export const td = "px-3 py-2 align-top";
