import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { countUnread } from "@/server/notifications/inbox";
import type { SessionUser } from "@/server/session";

/** The header's way to the inbox, with the number of unread messages. */
export async function InboxLink({ user, className }: { user: SessionUser; className: string }) {
  const [t, unread] = await Promise.all([getTranslations("notifications.header"), countUnread(user)]);
  return (
    <Link href="/inbox" className={className} data-testid="inbox-link">
      {t("inbox")}
      {unread > 0 && (
        <span
          className="ml-1 rounded-full bg-red-700 px-2 py-0.5 text-xs font-semibold text-white"
          data-testid="unread-count"
        >
          {t("unread", { count: unread })}
        </span>
      )}
    </Link>
  );
}
