import Image from "next/image";

type LeadImageProps = {
  image: { src: string; alt: string; width: number; height: number };
  /** The width it is drawn at, per breakpoint, so that a phone fetches a phone-sized rendition. */
  sizes: string;
  className?: string;
};

/**
 * A page's largest image (its LCP element): preloaded from <head> ahead of the scripts and fetched at high priority
 * (Next 16's `preload` no longer sets the priority), so that it paints with the text rather than after the scripts.
 * One per page at most.
 */
export function LeadImage({ image, sizes, className }: LeadImageProps) {
  return (
    <Image
      src={image.src}
      alt={image.alt}
      width={image.width}
      height={image.height}
      sizes={sizes}
      className={className}
      preload
      fetchPriority="high"
    />
  );
}
