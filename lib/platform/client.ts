export * from "./recent-errors";
