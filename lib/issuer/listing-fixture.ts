/**
 * Test fixture: a listing form as an issuer would send it, every field blank but the ones a test gives, parsed by
 * the listing's own validation (so a test never builds a listing the form would refuse). For db tests only.
 */
import { type ListingInput, listingInput } from "./validation";

const blank = {
  title: "",
  titleZh: "",
  artist: "",
  year: "",
  medium: "",
  dimensions: "",
  descriptionMd: "",
  descriptionZh: "",
  provenance: "",
  conditionReport: "",
  custodian: "",
  custodianLocation: "",
  insurer: "",
  insuredValue: "",
  appraisalValue: "",
  appraiser: "",
  appraisalDate: "",
};

export function listingFormInput(fields: Partial<typeof blank> & { title: string; artist: string }): ListingInput {
  return listingInput.parse({ ...blank, ...fields });
}
