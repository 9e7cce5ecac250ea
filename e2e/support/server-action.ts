import type { APIRequestContext, APIResponse, Locator } from "@playwright/test";

// Calling a page's server action directly, as a browser would, but as someone else: to show
// the action itself refuses them (a page's 404 only hides the form; the action id is public).

/** The server action behind a rendered form: `$ACTION_ID_<id>` (a plain action) or `$ACTION_n:0` (one with state). */
export async function actionIdOf(form: Locator): Promise<string> {
  const inputs = await form
    .locator("input[type=hidden]")
    .evaluateAll((els) => els.map((e) => [e.getAttribute("name") ?? "", e.getAttribute("value") ?? ""]));
  for (const [name, value] of inputs) {
    if (name.startsWith("$ACTION_ID_")) return name.slice("$ACTION_ID_".length);
    if (/^\$ACTION_\d+:0$/.test(name)) return (JSON.parse(value) as { id: string }).id;
  }
  throw new Error("no server action on this form");
}

/**
 * Posts to server action `id` at `path` the way React's client does: its arguments as multipart,
 * the form's fields under `_1_` (React 19's prefix for a FormData argument's fields). `withState`: the action takes (previous state, form) (useActionState).
 */
export function callAction(
  request: APIRequestContext,
  baseURL: string,
  path: string,
  id: string,
  fields: Record<string, string>,
  withState: boolean,
): Promise<APIResponse> {
  const boundary = "----admin-e2e";
  // The root ("0") last, as React sends it: the server decodes it as it streams in, so a
  // FormData it references must already have arrived.
  // (An array, not an object: an object lists an integer-like key such as "0" first.)
  const parts: [string, string][] = [
    ...Object.entries(fields).map(([k, v]): [string, string] => [`_1_${k}`, v]),
    ["0", withState ? '[null,"$K1"]' : '["$K1"]'],
  ];
  const body =
    parts.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") +
    `--${boundary}--\r\n`;
  return request.fetch(path, {
    method: "POST",
    headers: {
      "Next-Action": id,
      Origin: new URL(baseURL).origin,
      "Content-Type": `multipart/form-data; boundary=${boundary}`,
    },
    data: Buffer.from(body),
    maxRedirects: 0,
  });
}
