"use client";

import "./globals.css";

// When the root layout itself fails (the database unreachable while it reads the session),
// nothing of the app's frame or catalogues is there: this page stands alone, in both
// languages (Chinese first, the default), with its own `lang` and title.
const WORDS = {
  zh: {
    title: "出错了",
    brand: "一次办",
    text: "页面暂时无法显示，您的申请不受影响。请稍后重试，或返回首页。",
    retry: "重试",
    home: "返回首页",
  },
  en: {
    title: "Something went wrong",
    brand: "Visit Once",
    text: "This page could not be shown just now. Your applications are safe. Try again in a moment, or go back to the start page.",
    retry: "Try again",
    home: "Go to the start page",
  },
};

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <head>
        <title>{`${WORDS.zh.title} · ${WORDS.zh.brand} | ${WORDS.en.title} · ${WORDS.en.brand}`}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <main className="mx-auto max-w-3xl space-y-8 px-4 py-12">
          <p className="text-lg font-semibold">{WORDS.zh.brand}</p>
          {(
            [
              ["zh-CN", WORDS.zh],
              ["en", WORDS.en],
            ] as const
          ).map(([lang, w]) => (
            <section
              key={lang}
              lang={lang}
              aria-labelledby={`error-${lang}`}
              role="alert"
              className="space-y-3 rounded-lg border border-red-300 bg-red-50 p-6 text-red-900"
            >
              {lang === "zh-CN" ? (
                <h1 id={`error-${lang}`} className="text-xl font-semibold">
                  {w.title}
                </h1>
              ) : (
                <h2 id={`error-${lang}`} className="text-xl font-semibold">
                  {w.title}
                </h2>
              )}
              <p>{w.text}</p>
              <div className="flex flex-wrap gap-4">
                <button
                  type="button"
                  onClick={reset}
                  className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800"
                >
                  {w.retry}
                </button>
                {/* A full load: the app's router is not there to navigate. */}
                <a href="/" className="self-center text-blue-800 underline">
                  {w.home}
                </a>
              </div>
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
