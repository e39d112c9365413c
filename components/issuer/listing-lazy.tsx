"use client";

import { type ComponentType, lazy, type ReactNode, Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * The listing page's forms and transaction controls, each fetched on its own rather than with the page's first load.
 * The page renders them on the server, so their HTML is in place (and the layout settled) from the start; each becomes
 * interactive as soon as its code is in. Rendered in the browser instead (a client-side navigation), a form's place
 * is held by a placeholder of about its height until then.
 */
/** The props of a component type. */
type PropsOf<C> = C extends ComponentType<infer P> ? P : never;

function lazyPart<M, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
  fallback: ReactNode | ((props: PropsOf<M[K]>) => ReactNode),
) {
  const Part = lazy(() => load().then((module) => ({ default: module[name] as ComponentType<object> })));
  function LazyPart(props: PropsOf<M[K]>) {
    return (
      <Suspense fallback={typeof fallback === "function" ? fallback(props) : fallback}>
        <Part {...(props as object)} />
      </Suspense>
    );
  }
  return LazyPart;
}

const block = (className: string) => <Skeleton className={`w-full rounded-2xl ${className}`} />;

/** Withdraw proceeds and close the offering early (`OfferingControls`). */
export const LazyOfferingControls = lazyPart(() => import("./offering-controls"), "OfferingControls", block("h-48"));

/** The new update's form (`UpdateForm`). */
export const LazyUpdateForm = lazyPart(() => import("./update-form"), "UpdateForm", block("h-96"));

/** An unpublished update's anchoring (`AnchorUpdate`). */
export const LazyAnchorUpdate = lazyPart(() => import("./anchor-update"), "AnchorUpdate", block("h-24"));

/** A new distribution's form (`DistributionForm`). */
export const LazyDistributionForm = lazyPart(
  () => import("./distributions/distribution-form"),
  "DistributionForm",
  block("h-96"),
);

/** Closing one distribution after its deadline (`CloseDistribution`). */
export const LazyCloseDistribution = lazyPart(
  () => import("./distributions/close-distribution"),
  "CloseDistribution",
  null,
);

/** The offer to sell the artwork (`SaleForm`); nothing while it loads when there is nothing to offer. */
export const LazySaleForm = lazyPart(
  () => import("./sale/sale-form"),
  "SaleForm",
  (p) => (p.canOffer ? <Skeleton className="h-96 w-full rounded-2xl" /> : null),
);

/** Taking back an approved sale's rounding dust (`SweepDust`). */
export const LazySweepDust = lazyPart(() => import("./sale/sweep-dust"), "SweepDust", block("h-20"));

// What only an editable listing (a draft, one returned or in review) shows: its files' forms, its removal, withdrawal
// and submission. A listing on chain renders none of them, and no longer loads them.
const button = <Skeleton className="h-8 w-20 rounded-full" />;

/** Uploads an image to an editable listing (`ImageUploadForm`). */
export const LazyImageUploadForm = lazyPart(() => import("./listing-forms"), "ImageUploadForm", block("h-56"));

/** Uploads a document to an editable listing (`DocumentUploadForm`). */
export const LazyDocumentUploadForm = lazyPart(() => import("./listing-forms"), "DocumentUploadForm", block("h-72"));

/** Removes an image, after a confirmation (`RemoveImageForm`). */
export const LazyRemoveImageForm = lazyPart(() => import("./listing-forms"), "RemoveImageForm", button);

/** Removes a document, after a confirmation (`RemoveDocumentForm`). */
export const LazyRemoveDocumentForm = lazyPart(() => import("./listing-forms"), "RemoveDocumentForm", button);

/** Submits the listing for review (`SubmitListingForm`). */
export const LazySubmitListingForm = lazyPart(() => import("./listing-forms"), "SubmitListingForm", block("h-24"));

/** Deletes a draft, after a confirmation (`DeleteListingForm`). */
export const LazyDeleteListingForm = lazyPart(() => import("./listing-forms"), "DeleteListingForm", button);

/** Takes a listing in review back to a draft, after a confirmation (`WithdrawListingForm`). */
export const LazyWithdrawListingForm = lazyPart(() => import("./listing-forms"), "WithdrawListingForm", button);
