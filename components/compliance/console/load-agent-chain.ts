/** An agent action's ABIs and encoder (./agent-chain), fetched once when an officer first signs. */
export type AgentChain = typeof import("./agent-chain");

export const loadAgentChain = (): Promise<AgentChain> => import("./agent-chain");
