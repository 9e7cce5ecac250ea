/**
 * Keys that may hold personal data, a secret or a whole payload, wherever they sit in a log line's
 * fields. The web's and the workers' loggers (pino) redact them; pino's redact paths are per depth,
 * so each is listed at the top and two levels down. The first defence is never to log payloads or
 * request bodies; this catches a mistake.
 */
const SENSITIVE_KEYS = [
  "nationalId",
  "subjectNationalId",
  "bankAccount",
  "password",
  "passwordHash",
  "email",
  "address",
  "phone",
  "authorization",
  "cookie",
  "apiKey",
  "secret",
  "token",
  "args",
  "input",
  "result",
  "body",
  "payload",
  "payloads",
  "records",
  "fields",
  // Whoever holds an activity's task token can complete it.
  "taskToken",
];

export const LOG_REDACT_PATHS = SENSITIVE_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
