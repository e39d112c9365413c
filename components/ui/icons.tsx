import type { ReactNode } from "react";

/** Small stroke icons used by status UI. Decorative: always paired with a text label. */
type IconProps = { className?: string };

/** A decorative stroke icon drawn by `shapes` on a `size`-unit square (16 for status icons, 24 for larger ones). */
function strokeIcon(shapes: () => ReactNode, size = 16) {
  function StrokeIcon({ className }: IconProps) {
    return (
      // Fill and stroke come from the `line-icon` utility (app/globals.css): five attributes fewer per icon.
      <svg
        aria-hidden="true"
        viewBox={`0 0 ${size} ${size}`}
        className={className ? `line-icon ${className}` : "line-icon"}
      >
        {shapes()}
      </svg>
    );
  }
  return StrokeIcon;
}

export const CheckIcon = strokeIcon(() => <path d="M3.5 8.5l3 3 6-7" />);
export const InfoIcon = strokeIcon(() => (
  <>
    <circle cx="8" cy="8" r="6.25" />
    <path d="M8 7.25v4M8 4.9v.1" />
  </>
));
export const WarnIcon = strokeIcon(() => (
  <>
    <path d="M8 2.2 14.5 13.5h-13L8 2.2Z" />
    <path d="M8 6.5v3.2M8 11.6v.1" />
  </>
));
export const ErrorIcon = strokeIcon(() => (
  <>
    <circle cx="8" cy="8" r="6.25" />
    <path d="M5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4" />
  </>
));
export const ClockIcon = strokeIcon(() => (
  <>
    <circle cx="8" cy="8" r="6.25" />
    <path d="M8 4.8V8l2.2 1.5" />
  </>
));
export const DotIcon = ({ className }: IconProps) => (
  <svg aria-hidden="true" viewBox="0 0 16 16" className={className}>
    <circle cx="8" cy="8" r="3.5" fill="currentColor" />
  </svg>
);
export const LockIcon = strokeIcon(() => (
  <>
    <rect x="3" y="7" width="10" height="7" rx="1.5" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
  </>
));
export const SwapIcon = strokeIcon(() => <path d="M3 5.5h9.5L10 3M13 10.5H3.5L6 13" />);
export const CopyIcon = strokeIcon(() => (
  <>
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
    <path d="M10.5 5.5V3.8A1.3 1.3 0 0 0 9.2 2.5H3.8a1.3 1.3 0 0 0-1.3 1.3v5.4a1.3 1.3 0 0 0 1.3 1.3h1.7" />
  </>
));
export const CloseIcon = strokeIcon(() => <path d="M4 4l8 8M12 4l-8 8" />);
export const MenuIcon = strokeIcon(() => <path d="M2.5 4.5h11M2.5 8h11M2.5 11.5h11" />);
export const ArrowRightIcon = strokeIcon(() => <path d="M3 8h10M9 4l4 4-4 4" />);
/** A select's open-list chevron. */
export const ChevronDownIcon = strokeIcon(() => <path d="M4 6l4 4 4-4" />);
/** The theme toggle's moon (offered in the light theme) and sun (in the dark one). */
export const MoonIcon = strokeIcon(() => <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" />, 24);
export const SunIcon = strokeIcon(
  () => (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </>
  ),
  24,
);
