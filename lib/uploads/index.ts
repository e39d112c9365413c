/** lib/uploads's public surface: what routes, server components, actions and other domains call. */
export { postKycDocument } from "./kyc-uploads";
export { postListingDocument, postListingImage, postListingUpdate } from "./listing-uploads";
