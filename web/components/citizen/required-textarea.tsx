"use client";

import { useState, type Ref } from "react";

/** A required free-text answer: its text, and whether a send found it empty. */
export function useRequiredText() {
  const [value, setValue] = useState("");
  const [missing, setMissing] = useState(false);
  /** Whether something was typed; marks the field missing (or no longer missing) for the textarea. */
  const check = () => {
    const ok = value.trim() !== "";
    setMissing(!ok);
    return ok;
  };
  return { value, setValue, missing, check };
}

export type RequiredText = ReturnType<typeof useRequiredText>;

/**
 * A labelled textarea that must not be left empty: marked invalid and described by its
 * error (the "empty" message, or the send's own error) while there is one.
 */
export function RequiredTextarea({
  id,
  label,
  text,
  maxLength,
  emptyMessage,
  error,
  textareaRef,
}: {
  id: string;
  label: string;
  text: RequiredText;
  maxLength: number;
  emptyMessage: string;
  error: string | null;
  textareaRef?: Ref<HTMLTextAreaElement>;
}) {
  const { value, setValue, missing } = text;
  const showError = missing || Boolean(error);
  return (
    <>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <textarea
        ref={textareaRef}
        id={id}
        rows={3}
        maxLength={maxLength}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={missing || undefined}
        aria-describedby={showError ? `${id}-error` : undefined}
        className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2"
      />
      {showError && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-800">
          {missing ? emptyMessage : error}
        </p>
      )}
    </>
  );
}
