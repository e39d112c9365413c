import { describe, expect, it } from "vitest";
import { checksumAddress, shortAddress } from "./address";

describe("addresses on screen", () => {
  it("are shown with their checksum casing, whatever casing they were stored in", () => {
    expect(checksumAddress("0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc")).toBe(
      "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
    );
    expect(shortAddress(checksumAddress("0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc"))).toBe("0x9965…A4dc");
  });

  it("leave something that is not an address as it is", () => {
    expect(checksumAddress("not an address")).toBe("not an address");
  });
});
