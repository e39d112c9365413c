/** Small stroke icons used by status UI. Decorative: always paired with a text label. */
type IconProps = { className?: string };
const common = {
  "aria-hidden": true,
  viewBox: "0 0 16 16",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 1.6,
  strokeLinecap: "round",
  strokeLinejoin: "round",
} as const;

export const CheckIcon = ({ className }: IconProps) => (
  <svg {...common} className={className}>
    <path d="M3.5 8.5l3 3 6-7" />
  </svg>
);
export const InfoIcon = ({ className }: IconProps) => (
  <svg {...common} className={className}>
    <circle cx="8" cy="8" r="6.25" />
    <path d="M8 7.25v4M8 4.9v.1" />
  </svg>
);
export const WarnIcon = ({ className }: IconProps) => (
  <svg {...common} className={className}>
    <path d="M8 2.2 14.5 13.5h-13L8 2.2Z" />
    <path d="M8 6.5v3.2M8 11.6v.1" />
  </svg>
);
export const ErrorIcon = ({ className }: IconProps) => (
  <svg {...common} className={className}>
    <circle cx="8" cy="8" r="6.25" />
    <path d="M5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4" />
  </svg>
);
export const ClockIcon = ({ className }: IconProps) => (
  <svg {...common} className={className}>
    <circle cx="8" cy="8" r="6.25" />
    <path d="M8 4.8V8l2.2 1.5" />
  </svg>
);
export const DotIcon = ({ className }: IconProps) => (
  <svg aria-hidden="true" viewBox="0 0 16 16" className={className}>
    <circle cx="8" cy="8" r="3.5" fill="currentColor" />
  </svg>
);
export const LockIcon = ({ className }: IconProps) => (
  <svg {...common} className={className}>
    <rect x="3" y="7" width="10" height="7" rx="1.5" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
  </svg>
);
export const SwapIcon = ({ className }: IconProps) => (
  <svg {...common} className={className}>
    <path d="M3 5.5h9.5L10 3M13 10.5H3.5L6 13" />
  </svg>
);
export const CopyIcon = ({ className }: IconProps) => (
  <svg {...common} className={className}>
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
    <path d="M10.5 5.5V3.8A1.3 1.3 0 0 0 9.2 2.5H3.8a1.3 1.3 0 0 0-1.3 1.3v5.4a1.3 1.3 0 0 0 1.3 1.3h1.7" />
  </svg>
);
export const CloseIcon = ({ className }: IconProps) => (
  <svg {...common} className={className}>
    <path d="M4 4l8 8M12 4l-8 8" />
  </svg>
);
export const MenuIcon = ({ className }: IconProps) => (
  <svg {...common} className={className}>
    <path d="M2.5 4.5h11M2.5 8h11M2.5 11.5h11" />
  </svg>
);
export const ArrowRightIcon = ({ className }: IconProps) => (
  <svg {...common} className={className}>
    <path d="M3 8h10M9 4l4 4-4 4" />
  </svg>
);
