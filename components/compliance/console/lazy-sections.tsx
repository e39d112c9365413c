"use client";

import dynamic from "next/dynamic";

/**
 * A recovered wallet's open orders (the register page), loaded only when the page renders them: most registers have
 * none, and then the page sends none of their code (first-load JS); a page with them server-renders them as before.
 */
export const LazyRecoveredOrders = dynamic(() => import("./recovered-orders").then((m) => m.RecoveredOrders));
