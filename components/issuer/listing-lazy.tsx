"use client";

import { type ComponentProps, type ComponentType, lazy, type ReactNode, Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * The listing page's forms and transaction controls, each fetched on its own rather than with the page's first load.
 * The page renders them on the server, so their HTML is in place (and the layout settled) from the start; each becomes
 * interactive as soon as its code is in. Rendered in the browser instead (a client-side navigation), a form's place
 * is held by a placeholder of about its height until then.
 */
function lazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode | ((props: P) => ReactNode),
) {
  const Part = lazy(() => load().then((component) => ({ default: component })));
  function LazyPart(props: P) {
    const Loaded = Part as ComponentType<P>;
    return (
      <Suspense fallback={typeof fallback === "function" ? fallback(props) : fallback}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return LazyPart;
}

const block = (className: string) => <Skeleton className={`w-full rounded-2xl ${className}`} />;

/** Withdraw proceeds and close the offering early (`OfferingControls`). */
export const LazyOfferingControls = lazyPart<ComponentProps<typeof import("./offering-controls").OfferingControls>>(
  () => import("./offering-controls").then((m) => m.OfferingControls),
  block("h-48"),
);

/** The new update's form (`UpdateForm`). */
export const LazyUpdateForm = lazyPart<ComponentProps<typeof import("./update-form").UpdateForm>>(
  () => import("./update-form").then((m) => m.UpdateForm),
  block("h-96"),
);

/** An unpublished update's anchoring (`AnchorUpdate`). */
export const LazyAnchorUpdate = lazyPart<ComponentProps<typeof import("./anchor-update").AnchorUpdate>>(
  () => import("./anchor-update").then((m) => m.AnchorUpdate),
  block("h-24"),
);

/** A new distribution's form (`DistributionForm`). */
export const LazyDistributionForm = lazyPart<
  ComponentProps<typeof import("./distributions/distribution-form").DistributionForm>
>(() => import("./distributions/distribution-form").then((m) => m.DistributionForm), block("h-96"));

/** Closing one distribution after its deadline (`CloseDistribution`). */
export const LazyCloseDistribution = lazyPart<
  ComponentProps<typeof import("./distributions/close-distribution").CloseDistribution>
>(() => import("./distributions/close-distribution").then((m) => m.CloseDistribution), null);

/** The offer to sell the artwork (`SaleForm`); nothing while it loads when there is nothing to offer. */
export const LazySaleForm = lazyPart<ComponentProps<typeof import("./sale/sale-form").SaleForm>>(
  () => import("./sale/sale-form").then((m) => m.SaleForm),
  (p) => (p.canOffer ? <Skeleton className="h-96 w-full rounded-2xl" /> : null),
);

/** Taking back an approved sale's rounding dust (`SweepDust`). */
export const LazySweepDust = lazyPart<ComponentProps<typeof import("./sale/sweep-dust").SweepDust>>(
  () => import("./sale/sweep-dust").then((m) => m.SweepDust),
  block("h-20"),
);

// What only an editable listing (a draft, one returned or in review) shows: its files' forms, its removal, withdrawal
// and submission. A listing on chain renders none of them, and no longer loads them.
const button = <Skeleton className="h-8 w-20 rounded-full" />;

/** Uploads an image to an editable listing (`ImageUploadForm`). */
export const LazyImageUploadForm = lazyPart<ComponentProps<typeof import("./listing-forms").ImageUploadForm>>(
  () => import("./listing-forms").then((m) => m.ImageUploadForm),
  block("h-56"),
);

/** Uploads a document to an editable listing (`DocumentUploadForm`). */
export const LazyDocumentUploadForm = lazyPart<ComponentProps<typeof import("./listing-forms").DocumentUploadForm>>(
  () => import("./listing-forms").then((m) => m.DocumentUploadForm),
  block("h-72"),
);

/** Removes an image, after a confirmation (`RemoveImageForm`). */
export const LazyRemoveImageForm = lazyPart<ComponentProps<typeof import("./listing-forms").RemoveImageForm>>(
  () => import("./listing-forms").then((m) => m.RemoveImageForm),
  button,
);

/** Removes a document, after a confirmation (`RemoveDocumentForm`). */
export const LazyRemoveDocumentForm = lazyPart<ComponentProps<typeof import("./listing-forms").RemoveDocumentForm>>(
  () => import("./listing-forms").then((m) => m.RemoveDocumentForm),
  button,
);

/** Submits the listing for review (`SubmitListingForm`). */
export const LazySubmitListingForm = lazyPart<ComponentProps<typeof import("./listing-forms").SubmitListingForm>>(
  () => import("./listing-forms").then((m) => m.SubmitListingForm),
  block("h-24"),
);

/** Deletes a draft, after a confirmation (`DeleteListingForm`). */
export const LazyDeleteListingForm = lazyPart<ComponentProps<typeof import("./listing-forms").DeleteListingForm>>(
  () => import("./listing-forms").then((m) => m.DeleteListingForm),
  button,
);

/** Takes a listing in review back to a draft, after a confirmation (`WithdrawListingForm`). */
export const LazyWithdrawListingForm = lazyPart<ComponentProps<typeof import("./listing-forms").WithdrawListingForm>>(
  () => import("./listing-forms").then((m) => m.WithdrawListingForm),
  button,
);
