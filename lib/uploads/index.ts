export * from "./kyc-uploads";
export { postListingDocument, postListingImage, postListingUpdate } from "./listing-uploads";
export { postKybDocument } from "./kyb-uploads";
