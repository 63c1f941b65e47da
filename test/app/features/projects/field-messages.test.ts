import { describe, expect, it } from "vitest";
import { lotInputSchema } from "../../../../src/core/domain/records";
import {
  errorFor,
  fieldErrorsOf,
  fieldErrorsOfServer,
  fieldMessage,
  issueMessage,
} from "../../../../src/app/features/projects/field-messages";
import { translate } from "../../../../src/app/i18n/i18n";

const both = (message: { key: Parameters<typeof translate>[1]; params?: Record<string, string | number> }) => [
  translate("nb", message.key, message.params),
  translate("en", message.key, message.params),
];

describe("fieldMessage (server texts)", () => {
  it("translates our own schema messages", () => {
    expect(both(fieldMessage("must be > 0"))).toEqual(["Må være større enn 0", "Must be more than 0"]);
    expect(both(fieldMessage("must not end before it starts"))).toEqual([
      "Til-måned kan ikke være før fra-måned",
      "The end month must not be before the start month",
    ]);
    expect(fieldMessage("must have one share per month of the window (4), not 3")).toEqual({
      key: "validation.profileLength",
      params: { months: 4, given: 3 },
    });
  });

  it("translates the Norway check's hints", () => {
    expect(fieldMessage("is outside Norway: longitude and latitude look swapped (give longitude first)").key).toBe("coords.hint.swappedLonLat");
    expect(fieldMessage("is outside Norway: the numbers look like UTM metres (EPSG:25832) typed as degrees").key).toBe("coords.hint.utmAsDegrees");
    expect(fieldMessage("is outside Norway (expected about 4–31.5° E, 57.7–71.5° N)").key).toBe("coords.outsideNorway");
  });

  it("translates the large-lot guard and zod's default texts as the server passes them on", () => {
    expect(both(fieldMessage("over 10,000,000 t: confirm it is not a typo"))).toEqual([
      "Over 10 000 000 t: bekreft at det ikke er en skrivefeil",
      "Over 10,000,000 t: confirm it is not a typo",
    ]);
    expect(fieldMessage("Too big: expected number to be <=5")).toEqual({ key: "validation.atMost", params: { max: 5 } });
    expect(fieldMessage("Too big: expected string to have <=200 characters")).toEqual({ key: "validation.tooLong", params: { max: 200 } });
    expect(fieldMessage('Invalid option: expected one of "rock"|"mixed"')).toEqual({ key: "validation.choose" });
  });

  it("translates the CSV reader's row problems", () => {
    expect(both(fieldMessage('"marmor" is not a known material (rock, gravel_sand)'))).toEqual([
      "«marmor» er ikke et kjent materiale",
      "“marmor” is not a known material",
    ]);
    expect(fieldMessage("required column is missing")).toEqual({ key: "csv.missingColumn" });
  });

  it("shows a message it does not know as the server wrote it", () => {
    expect(fieldMessage("something new")).toEqual({ key: "error.raw", params: { message: "something new" } });
    expect(translate("nb", "error.raw", { message: "something new" })).toBe("something new");
  });
});

describe("issueMessage (zod issues on the client)", () => {
  it("turns each code into a message with its numbers", () => {
    expect(issueMessage({ code: "too_big", origin: "number", maximum: 5, inclusive: true, message: "x" })).toEqual({ key: "validation.atMost", params: { max: 5 } });
    expect(issueMessage({ code: "too_small", origin: "number", minimum: 0, inclusive: false, message: "x" })).toEqual({ key: "validation.greaterThan", params: { min: 0 } });
    expect(issueMessage({ code: "too_small", origin: "string", minimum: 1, message: "x" })).toEqual({ key: "validation.required" });
    expect(issueMessage({ code: "too_big", origin: "string", maximum: 200, message: "x" })).toEqual({ key: "validation.tooLong", params: { max: 200 } });
    expect(issueMessage({ code: "invalid_type", expected: "int", message: "x" })).toEqual({ key: "validation.integer" });
    expect(issueMessage({ code: "invalid_value", message: "x" })).toEqual({ key: "validation.choose" });
    expect(issueMessage({ code: "invalid_format", message: "x" })).toEqual({ key: "validation.format" });
    expect(issueMessage({ code: "custom", message: "must not end before it starts" })).toEqual({ key: "validation.monthOrder" });
  });

  it("maps the schema's real issues to paths, the first per path", () => {
    const parsed = lotInputSchema.safeParse({
      direction: "sideways",
      material: "rock",
      contaminationClass: 9,
      quantity: { value: 0, unit: "tonnes" },
      window: { from: "2027-13", to: "2027-01" },
    });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!.issues, "lots.k.")).toEqual({
      "lots.k.direction": { key: "validation.choose" },
      "lots.k.contaminationClass": { key: "validation.atMost", params: { max: 5 } },
      "lots.k.quantity.value": { key: "validation.positive" },
      "lots.k.window.from": { key: "validation.month" },
      "lots.k.window.to": { key: "validation.monthOrder" },
    });
  });
});

describe("server field errors", () => {
  it("become field errors under a prefix, and show beside the field they are below", () => {
    const errors = fieldErrorsOfServer(
      [
        { path: "quantity.value", message: "over 10,000,000 t: confirm it is not a typo" },
        { path: "quantity.value", message: "second message, ignored" },
      ],
      "lots.L1.",
    );
    expect(errors).toEqual({ "lots.L1.quantity.value": { key: "validation.confirmLarge" } });
    const location = fieldErrorsOfServer([{ path: "location.coordinates", message: "is outside Norway" }]);
    expect(errorFor(location, "location")).toEqual({ key: "coords.outsideNorway" });
    expect(errorFor(location, "name")).toBeUndefined();
  });
});
