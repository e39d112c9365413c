import { getImageProps } from "next/image";
import { preload } from "react-dom";

type LeadImageProps = {
  image: { src: string; alt: string; width: number; height: number };
  /** The width it is drawn at, per breakpoint, so that a phone fetches a phone-sized rendition. */
  sizes: string;
  className?: string;
};

/**
 * A page's largest image (its LCP element), resized by Next's image optimizer like `next/image`, preloaded from
 * <head> ahead of the scripts and fetched at high priority, so that it paints with the text rather than after the
 * scripts. A plain <img> built with `getImageProps`: `next/image`'s client component (its load and error handlers,
 * ~5 kB gzip) is not shipped for an image that needs none of it. One per page at most.
 */
export function LeadImage({ image, sizes, className }: LeadImageProps) {
  const { props } = getImageProps({
    src: image.src,
    alt: image.alt,
    width: image.width,
    height: image.height,
    sizes,
    className,
    preload: true,
    fetchPriority: "high",
  });
  preload(props.src, { as: "image", imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: "high" });
  // The optimizer's renditions are in srcSet; `alt` is the artwork's description.
  // eslint-disable-next-line @next/next/no-img-element
  return <img {...props} alt={image.alt} />;
}
