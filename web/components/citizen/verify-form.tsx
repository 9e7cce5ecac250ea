import { useTranslations } from "next-intl";

/** A plain GET form, so checking a code works without JavaScript. */
export function VerifyForm() {
  const t = useTranslations("citizen.verify");
  return (
    <form action="/verify" method="get" className="flex flex-wrap items-end gap-3">
      <div className="min-w-0 flex-1 space-y-1">
        <label htmlFor="verify-code" className="block font-medium">
          {t("label")}
        </label>
        <input
          id="verify-code"
          name="code"
          required
          autoComplete="off"
          spellCheck={false}
          placeholder="VO-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
          aria-describedby="verify-code-hint"
          className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2 font-mono uppercase"
        />
        <p id="verify-code-hint" className="text-sm text-slate-700">
          {t("hint")}
        </p>
      </div>
      <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">
        {t("submit")}
      </button>
    </form>
  );
}
