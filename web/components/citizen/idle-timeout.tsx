"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";

const ACTIVITY_EVENTS = ["pointerdown", "keydown", "wheel", "touchstart", "mousemove"] as const;

/**
 * Signs an idle session out: after `warningSeconds` without input a dialog warns, and at
 * `signoutSeconds` the session ends. Input while the dialog is open does not count: the
 * person must choose "Stay signed in", so a stray mouse move cannot keep a shared screen open.
 */
export function IdleTimeout({ warningSeconds, signoutSeconds }: { warningSeconds: number; signoutSeconds: number }) {
  const t = useTranslations("citizen.idle");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const timers = useRef<{ warn?: ReturnType<typeof setTimeout>; out?: ReturnType<typeof setTimeout> }>({});
  const lastReset = useRef(0);
  const [warning, setWarning] = useState(false);
  const warningRef = useRef(false);
  // Set once the timers run (after hydration): what a test waits for before moving the clock.
  const [armed, setArmed] = useState(false);

  const schedule = useCallback(() => {
    clearTimeout(timers.current.warn);
    clearTimeout(timers.current.out);
    lastReset.current = Date.now();
    timers.current.warn = setTimeout(() => {
      warningRef.current = true;
      setWarning(true);
    }, warningSeconds * 1000);
    timers.current.out = setTimeout(() => {
      void signOut({ callbackUrl: "/signin?reason=idle" });
    }, signoutSeconds * 1000);
  }, [warningSeconds, signoutSeconds]);

  useEffect(() => {
    schedule();
    setArmed(true);
    const onActivity = () => {
      // Throttled: rescheduling on every mouse move would be wasteful.
      if (warningRef.current || Date.now() - lastReset.current < 1000) return;
      schedule();
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true });
    const current = timers.current;
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity);
      clearTimeout(current.warn);
      clearTimeout(current.out);
    };
  }, [schedule]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (warning && !dialog.open) dialog.showModal();
    if (!warning && dialog.open) dialog.close();
  }, [warning]);

  const stay = () => {
    warningRef.current = false;
    setWarning(false);
    schedule();
  };

  const minutes = Math.max(1, Math.ceil((signoutSeconds - warningSeconds) / 60));
  return (
    <dialog
      ref={dialogRef}
      data-armed={armed ? "true" : undefined}
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
      onCancel={(e) => {
        // Escape means "stay", not "ignore".
        e.preventDefault();
        stay();
      }}
      className="m-auto max-w-md rounded-lg border border-slate-300 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <h2 id="idle-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p id="idle-text" className="mt-2">
        {t("text", { minutes })}
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        <button
          type="button"
          autoFocus
          onClick={stay}
          className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800"
        >
          {t("stay")}
        </button>
        <button
          type="button"
          onClick={() => void signOut({ callbackUrl: "/signin" })}
          className="rounded-md border border-slate-500 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100"
        >
          {t("signOut")}
        </button>
      </div>
    </dialog>
  );
}
