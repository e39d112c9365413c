/**
 * What signing in needs once the person presses "Sign in" (components/wallet/sign-in.tsx imports it then): the
 * Sign-In with Ethereum message builder (viem's SIWE) and wagmi's signMessage. No part of the sign-in page's first load.
 */
export { signMessage } from "wagmi/actions";
export { buildSignInMessage } from "@/lib/auth/client";
