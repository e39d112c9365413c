"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import type { SaleHolderActions as Actions } from "./sale-holder-actions";

const SaleHolderActions = lazy(() => import("./sale-holder-actions").then((m) => ({ default: m.SaleHolderActions })));

/**
 * A holder's sale-vote actions (`SaleHolderActions`), on the trade page only when a sale vote concerns the investor:
 * their code (with the vote's wallet flow) is fetched only then, not with every trade page. Rendered on the server as
 * usual, so nothing moves: the browser keeps the server's HTML until the code is in, then makes it interactive.
 */
export function LazySaleHolderActions(props: ComponentProps<typeof Actions>) {
  return (
    <Suspense fallback={null}>
      <SaleHolderActions {...props} />
    </Suspense>
  );
}
