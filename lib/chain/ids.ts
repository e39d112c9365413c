/**
 * The local anvil chain's id, in a module of its own without viem: lib/env reads it, and the start script loads
 * lib/env before it starts the web server (viem takes a second or more to load).
 */
export const LOCAL_CHAIN_ID = 31337;
