import type { Artwork } from "@/lib/catalogue/types";
import { formatProvenance, listingFields } from "@/lib/issuer/client";
import type { ListingFormValues } from "./listing-form";

const centsToHkd = (cents: string | null | undefined) => {
  if (!cents) return "";
  const n = BigInt(cents);
  const frac = n % 100n;
  return frac === 0n ? (n / 100n).toString() : `${n / 100n}.${frac.toString().padStart(2, "0")}`;
};

/** A stored listing → the form's string values (empty strings for a new listing). */
export function listingFormValuesOf(artwork: Artwork | null): ListingFormValues {
  if (!artwork) return Object.fromEntries(listingFields.map((f) => [f, ""])) as ListingFormValues;
  const appraisal = artwork.appraisals.at(-1);
  return {
    title: artwork.title,
    titleZh: artwork.titleZh ?? "",
    artist: artwork.artist,
    year: artwork.year?.toString() ?? "",
    medium: artwork.medium ?? "",
    dimensions: artwork.dimensions ?? "",
    descriptionMd: artwork.descriptionMd,
    descriptionZh: artwork.descriptionZh ?? "",
    provenance: formatProvenance(artwork.provenance),
    conditionReport: artwork.conditionReport ?? "",
    custodian: artwork.custodian ?? "",
    custodianLocation: artwork.custodianLocation ?? "",
    insurer: artwork.insurer ?? "",
    insuredValue: centsToHkd(artwork.insuredValue),
    appraisalValue: centsToHkd(appraisal?.value),
    appraiser: appraisal?.appraiser ?? "",
    appraisalDate: appraisal?.date ?? "",
  };
}
