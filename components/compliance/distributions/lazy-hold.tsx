"use client";

import dynamic from "next/dynamic";

/**
 * The hold/release control of a distribution (the register page), loaded only when the page renders one: a token
 * without an open distribution sends none of its code (first-load JS); with one it is server-rendered as before.
 */
export const LazyHoldDistribution = dynamic(() => import("./hold-distribution").then((m) => m.HoldDistribution));
