"use client";

import Image from "next/image";
import { useState, type PointerEvent } from "react";
import { useTranslations } from "next-intl";
import { Dialog } from "@/components/ui/dialog";
import { cn } from "@/components/ui/cn";

export type GalleryImage = { src: string; alt: string; width: number; height: number };

/** The artwork first and large; thumbnails switch the view; a click opens a zoomable view. */
export function Gallery({ images, title }: { images: GalleryImage[]; title: string }) {
  const t = useTranslations("artwork.gallery");
  const [index, setIndex] = useState(0);
  const [open, setOpen] = useState(false);
  const [zoomed, setZoomed] = useState(false);
  const [origin, setOrigin] = useState("50% 50%");
  const current = images[index] ?? images[0];
  if (!current) return null;

  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - rect.left) / rect.width) * 100;
    const y = ((e.clientY - rect.top) / rect.height) * 100;
    setOrigin(`${x.toFixed(1)}% ${y.toFixed(1)}%`);
  };

  return (
    <section aria-label={t("label")} className="flex flex-col gap-3">
      <Dialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          if (!o) setZoomed(false);
        }}
        title={t("zoomTitle", { title })}
        description={t("hint")}
        className="sm:w-[min(96vw,72rem)]"
        trigger={
          <button
            type="button"
            aria-label={t("zoom")}
            className="group relative block w-full cursor-zoom-in overflow-hidden rounded-sm bg-surface-muted shadow-[0_1px_2px_rgba(0,0,0,0.06),0_12px_40px_-12px_rgba(0,0,0,0.25)]"
          >
            <Image
              src={current.src}
              alt={current.alt}
              width={current.width}
              height={current.height}
              priority
              sizes="(min-width: 1024px) 60vw, 100vw"
              className="h-auto w-full transition-transform duration-500 group-hover:scale-[1.01]"
            />
          </button>
        }
      >
        <div
          className={cn("relative overflow-hidden rounded-md bg-black", zoomed ? "cursor-zoom-out" : "cursor-zoom-in")}
          onPointerMove={zoomed ? onMove : undefined}
          onClick={() => setZoomed((z) => !z)}
          role="button"
          tabIndex={0}
          aria-label={zoomed ? t("zoomOut") : t("zoomIn")}
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
            sizes="96vw"
            quality={90}
            className="h-auto w-full transition-transform duration-200"
            style={{ transform: zoomed ? "scale(2.5)" : "none", transformOrigin: origin }}
          />
        </div>
      </Dialog>
      {images.length > 1 ? (
        <ul className="flex gap-3" role="list">
          {images.map((img, i) => (
            <li key={img.src}>
              <button
                type="button"
                onClick={() => setIndex(i)}
                aria-label={t("show", { n: i + 1, total: images.length })}
                aria-current={i === index}
                className={cn(
                  "block overflow-hidden rounded-sm border-2 transition",
                  i === index ? "border-accent" : "border-transparent opacity-75 hover:opacity-100",
                )}
              >
                <Image src={img.src} alt="" width={96} height={72} sizes="96px" className="h-[72px] w-24 object-cover" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
