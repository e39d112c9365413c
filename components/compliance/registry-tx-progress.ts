type StateKey = "state.planning" | "state.signing" | "state.pending" | "state.confirming";

/** The words of each step of a registry transaction in progress, from a namespace holding the `state.*` texts. */
export const registryTxProgress = (t: (key: StateKey) => string) =>
  ({
    preparing: t("state.planning"),
    checking: t("state.planning"),
    signing: t("state.signing"),
    pending: t("state.pending"),
    recording: t("state.confirming"),
  }) as const;
