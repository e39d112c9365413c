export const THEME_COOKIE = "theme";
export type Theme = "light" | "dark";

/**
 * Runs in <head> before first paint: the stored choice wins, else the system preference.
 * Keep it tiny and dependency-free.
 */
export const themeScript = `(function(){try{var m=document.cookie.match(/(?:^|; )${THEME_COOKIE}=(light|dark)/);var d=m?m[1]==="dark":window.matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;
