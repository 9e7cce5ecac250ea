import { signOutEverywhere } from "@/app/signin/actions";

/** Ends every session of this person (other browsers and devices too); a plain form, so it works without JavaScript. */
export function SignOutEverywhereButton({ label }: { label: string }) {
  return (
    <form action={signOutEverywhere}>
      <button
        type="submit"
        className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
      >
        {label}
      </button>
    </form>
  );
}
