"use client";

import Image from "next/image";
import { LeadImage } from "@/components/ui/lead-image";
import { useId, useRef, useState, type PointerEvent } from "react";
import { CloseIcon } from "@/components/ui/icons";
import { cn } from "@/components/ui/cn";

export type GalleryImage = { src: string; alt: string; width: number; height: number };

/** The artwork first and large; thumbnails switch the view; a click opens a zoomable view. */
export type GalleryLabels = {
  label: string;
  zoom: string;
  zoomTitle: string;
  hint: string;
  zoomIn: string;
  zoomOut: string;
  close: string;
  /** "Show image {n} of {total}" with the placeholders left in. */
  show: string;
};

export function Gallery({ images, labels }: { images: GalleryImage[]; labels: GalleryLabels }) {
  const [index, setIndex] = useState(0);
  const [zoomed, setZoomed] = useState(false);
  const [origin, setOrigin] = useState("50% 50%");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const current = images[index] ?? images[0];
  if (!current) return null;

  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - rect.left) / rect.width) * 100;
    const y = ((e.clientY - rect.top) / rect.height) * 100;
    setOrigin(`${x.toFixed(1)}% ${y.toFixed(1)}%`);
  };
  const close = () => dialogRef.current?.close();

  return (
    <section aria-label={labels.label} className="flex flex-col gap-3">
      <button
        type="button"
        aria-label={labels.zoom}
        aria-haspopup="dialog"
        onClick={() => dialogRef.current?.showModal()}
        className="group relative block w-full cursor-zoom-in overflow-hidden rounded-sm bg-surface-muted shadow-[0_1px_2px_rgba(0,0,0,0.06),0_12px_40px_-12px_rgba(0,0,0,0.25)]"
      >
        <LeadImage
          image={current}
          sizes="(min-width: 1024px) 60vw, 100vw"
          className="h-auto w-full transition-transform duration-500 group-hover:scale-[1.01]"
        />
      </button>
      {/* Native modal dialog: focus trap, Escape and the top layer come from the browser, no library. */}
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        onClose={() => setZoomed(false)}
        onClick={(e) => {
          if (e.target === e.currentTarget) close();
        }}
        className="m-auto max-h-[96dvh] w-[min(96vw,72rem)] rounded-2xl border border-line bg-surface p-4 text-ink shadow-2xl backdrop:bg-black/60 sm:p-6"
      >
        <div className="mb-3 flex items-start justify-between gap-4">
          <div>
            <h2 id={titleId} className="font-display text-xl">
              {labels.zoomTitle}
            </h2>
            <p className="text-sm text-ink-muted">{labels.hint}</p>
          </div>
          <button
            type="button"
            onClick={close}
            aria-label={labels.close}
            className="-m-1 inline-flex size-8 shrink-0 items-center justify-center rounded-full text-ink-muted hover:bg-surface-muted hover:text-ink"
          >
            <CloseIcon className="size-4" />
          </button>
        </div>
        <div
          className={cn("relative overflow-hidden rounded-md bg-black", zoomed ? "cursor-zoom-out" : "cursor-zoom-in")}
          onPointerMove={zoomed ? onMove : undefined}
          onClick={() => setZoomed((z) => !z)}
          role="button"
          tabIndex={0}
          aria-label={zoomed ? labels.zoomOut : labels.zoomIn}
          aria-pressed={zoomed}
          onKeyDown={(e) => {
            if (e.key === "Enter" || e.key === " ") {
              e.preventDefault();
              setZoomed((z) => !z);
            }
          }}
        >
          <Image
            src={current.src}
            alt={current.alt}
            width={current.width}
            height={current.height}
            // Zoomed, the browser picks a 2.5× wider source from the srcset: detail, not a blurred enlargement.
            sizes={zoomed ? "(min-width: 1200px) 180rem, 240vw" : "(min-width: 1200px) 72rem, 96vw"}
            quality={90}
            className="h-auto w-full transition-transform duration-200"
            style={{ transform: zoomed ? "scale(2.5)" : "none", transformOrigin: origin }}
          />
        </div>
      </dialog>
      {images.length > 1 ? (
        <ul className="flex gap-3" role="list">
          {images.map((img, i) => (
            <li key={img.src}>
              <button
                type="button"
                onClick={() => setIndex(i)}
                aria-label={labels.show.replace("{n}", String(i + 1)).replace("{total}", String(images.length))}
                aria-current={i === index}
                className={cn(
                  "block overflow-hidden rounded-sm border-2 transition",
                  i === index ? "border-accent" : "border-transparent opacity-75 hover:opacity-100",
                )}
              >
                <Image
                  src={img.src}
                  alt=""
                  width={96}
                  height={72}
                  sizes="96px"
                  className="h-[72px] w-24 object-cover"
                />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
