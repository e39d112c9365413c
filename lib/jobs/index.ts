/** lib/jobs's public surface: what routes, server components, actions and other domains call. */
export { listJobRuns } from "./runs";
