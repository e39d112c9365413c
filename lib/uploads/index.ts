export * from "./kyc-uploads";
export { postIssuerLogo, postListingDocument, postListingImage, postListingUpdate } from "./listing-uploads";
export { postKybDocument } from "./kyb-uploads";
