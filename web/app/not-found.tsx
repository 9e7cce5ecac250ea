import Link from "next/link";

export default function NotFound() {
  return (
    <section aria-labelledby="nf-title" className="space-y-4">
      <h1 id="nf-title" className="text-2xl font-semibold">
        Page not found
      </h1>
      <p className="text-slate-700">There is nothing here, or you cannot see it.</p>
      <Link href="/" className="text-blue-800 underline">
        Go to the start page
      </Link>
    </section>
  );
}
