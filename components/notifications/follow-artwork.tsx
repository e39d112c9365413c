import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { loadFollowState } from "@/lib/notifications";
import { followArtworkAction } from "./actions";
import { ActionButton } from "./action-button";

/**
 * "Follow this artwork" on an artwork page: a signed-in investor is told (in the portal and by email) when an
 * offering for it opens. Signed out: a link to sign in. A wallet with no investor record sees why it cannot.
 */
export async function FollowArtwork({
  slug,
  artworkId,
  address,
}: {
  slug: string;
  artworkId: string;
  address: string | null;
}) {
  const t = await getTranslations("notifications.follow");
  const state = address ? await loadFollowState({ address, artworkId }) : null;
  return (
    <section aria-labelledby="follow-artwork" className="flex flex-col gap-2 rounded-xl border border-line p-4">
      <h2 id="follow-artwork" className="font-medium">
        {t("follow")}
      </h2>
      {!state ? (
        <p className="text-sm text-ink-muted">
          <Link href={`/sign-in?next=${encodeURIComponent(`/artworks/${slug}`)}`} className="underline">
            {t("signIn")}
          </Link>
        </p>
      ) : !state.canFollow ? (
        <p className="text-sm text-ink-muted">{t("signIn")}</p>
      ) : (
        <>
          <p className="text-sm text-ink-muted">{state.following ? t("following") : t("hint")}</p>
          <ActionButton
            // Remounted when the state flips, so the new button starts without the last outcome.
            key={String(state.following)}
            action={followArtworkAction}
            fields={{ slug, follow: state.following ? "false" : "true" }}
            label={state.following ? t("unfollow") : t("follow")}
            done={state.following ? t("unfollowed") : t("followed")}
            variant={state.following ? "ghost" : "secondary"}
          />
        </>
      )}
    </section>
  );
}
