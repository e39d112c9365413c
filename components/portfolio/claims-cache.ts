import "server-only";

import { cache } from "react";
import { loadDistributionClaims } from "@/lib/portfolio";

/** The signed-in wallet's distribution claims, read once per request (the income tiles and the claims section). */
export const claimsOf = cache(loadDistributionClaims);
