// `npx tsx prisma/src/demo-totp.ts`: prints the demo staff accounts' current second-factor code.
import { TOTP } from "otpauth";
import { DEMO_TOTP_SECRET } from "./demo-accounts";

const totp = new TOTP({ secret: DEMO_TOTP_SECRET, algorithm: "SHA1", digits: 6, period: 30 });
console.log(
  `${totp.generate()}  (valid for ${Math.ceil(TOTP.remaining({ period: 30 }) / 1000)} s; development accounts only)`,
);
