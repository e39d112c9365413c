export * from "./money";
export { shortAddress } from "./address";
