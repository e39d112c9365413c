/**
 * lib/settings' client-safe surface: the settings' defaults, bounds, input schemas and the fee's percent helpers.
 */
export * from "./bounds";
export { kycValidityInput, readKycValidity, readTokenRuleDefaults, tokenRuleDefaultsInput } from "./rules";
