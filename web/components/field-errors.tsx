import type { ReactNode } from "react";

/**
 * A form's per-field problems, as each field shows its own: `error(name)` is the message beside
 * the field (or nothing), `described(name)` the attributes that tie the field to it. Ids are
 * `<prefix>-<name>-error`.
 */
export function fieldErrors<Name extends string>(
  prefix: string,
  errors: Partial<Record<Name, string>>,
  say: (code: string) => string,
) {
  const id = (name: Name) => `${prefix}-${name}-error`;
  return {
    error: (name: Name): ReactNode => {
      const code = errors[name];
      return code ? (
        <span id={id(name)} className="text-sm text-red-800">
          {say(code)}
        </span>
      ) : null;
    },
    described: (name: Name) => ({
      "aria-invalid": Boolean(errors[name]),
      "aria-describedby": errors[name] ? id(name) : undefined,
    }),
  };
}
