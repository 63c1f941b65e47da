import { describe, expect, it } from "vitest";
import { en } from "../../../src/app/i18n/en";
import {
  catalogues,
  detectLanguage,
  formatNumber,
  formatWithUnit,
  languages,
  translate,
  type MessageKey,
} from "../../../src/app/i18n/i18n";
import { nb } from "../../../src/app/i18n/nb";
import { messageCatalogue } from "../../../src/core/messages/catalogue";
import { message, type MessageKey as CoreMessageKey } from "../../../src/core/messages/message";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("catalogues", () => {
  it("have the same keys in every language", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
  });

  it("have no empty value", () => {
    for (const lang of languages) {
      for (const [key, value] of Object.entries(catalogues[lang])) {
        expect(value.trim(), `${lang} ${key}`).not.toBe("");
      }
    }
  });

  it("use the same placeholders in every language", () => {
    for (const key of Object.keys(nb) as MessageKey[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nb[key]));
    }
  });

  it("carry the control names the browser tests rely on", () => {
    expect([nb["signIn.username"], en["signIn.username"]]).toEqual(["Brukernavn", "Username"]);
    expect([nb["signIn.password"], en["signIn.password"]]).toEqual(["Passord", "Password"]);
    expect([nb["signIn.submit"], en["signIn.submit"]]).toEqual(["Logg inn", "Log in"]);
    expect([nb["header.logOut"], en["header.logOut"]]).toEqual(["Logg ut", "Log out"]);
    expect([nb["header.layers"], en["header.layers"]]).toEqual(["Kartlag", "Layers"]);
    expect([nb["language.label"], en["language.label"]]).toEqual(["Språk", "Language"]);
    expect([nb["layer.boundary"], en["layer.boundary"]]).toEqual(["Kommunegrense Asker", "Asker boundary"]);
  });

  it("carry the mass registry's control names the browser tests and users rely on", () => {
    const names: [keyof typeof nb, string, string][] = [
      ["header.projects", "Prosjekter", "Projects"],
      ["header.balance", "Massebalanse", "Mass balance"],
      ["projects.new", "Nytt prosjekt", "New project"],
      ["projects.search", "Søk i prosjekter", "Search projects"],
      ["form.addLot", "Legg til lott", "Add lot"],
      ["form.save", "Lagre", "Save"],
      ["form.delete", "Slett", "Delete"],
      ["form.undo", "Angre", "Undo"],
      ["form.name", "Prosjektnavn", "Project name"],
      ["form.pickOnMap", "Velg i kartet", "Pick on map"],
      ["lot.quantity", "Mengde", "Quantity"],
      ["lot.unit", "Enhet", "Unit"],
      ["lots.material", "Materiale", "Material"],
      ["lot.class", "Tilstandsklasse", "Contamination class"],
      ["lots.direction", "Retning", "Direction"],
      ["lot.from", "Fra måned", "From month"],
      ["lot.to", "Til måned", "To month"],
      ["lot.delete", "Slett lott {n}", "Delete lot {n}"],
      ["lot.duplicate", "Dupliser lott {n}", "Duplicate lot {n}"],
      ["conflict.reload", "Last inn på nytt", "Reload"],
    ];
    for (const [key, nbText, enText] of names) expect([nb[key], en[key]], key).toEqual([nbText, enText]);
  });
});

describe("translate", () => {
  it("fills {name} placeholders", () => {
    expect(translate("en", "header.signedInAs", { username: "kari", role: "planner" })).toBe(
      "Signed in as kari (planner)",
    );
    expect(translate("nb", "header.signedInAs", { username: "kari", role: "planlegger" })).toBe(
      "Innlogget som kari (planlegger)",
    );
  });

  it("leaves a placeholder without a value visible", () => {
    expect(translate("en", "header.signedInAs", { username: "kari" })).toBe("Signed in as kari ({role})");
  });

  it("does not read inherited properties as parameters", () => {
    expect(translate("en", "data.failed", {})).toBe("Could not load map data: {detail}");
  });
});

describe("detectLanguage", () => {
  it("prefers ?lang= in the URL", () => {
    expect(detectLanguage("?lang=en", "nb")).toBe("en");
    expect(detectLanguage("?x=1&lang=nb", "en")).toBe("nb");
  });

  it("falls back to the saved choice, then to bokmål", () => {
    expect(detectLanguage("", "en")).toBe("en");
    expect(detectLanguage("?lang=de", "en")).toBe("en");
    expect(detectLanguage("?lang=de", "fr")).toBe("nb");
    expect(detectLanguage("", null)).toBe("nb");
  });
});

describe("number formats", () => {
  const nbsp = "\u00a0";

  it("group thousands the language's way and always carry the unit", () => {
    expect(formatWithUnit("nb", 48420, "t")).toBe(`48${nbsp}420${nbsp}t`);
    expect(formatWithUnit("en", 48420, "t")).toBe(`48,420${nbsp}t`);
  });

  it("keep one decimal below 100 by default", () => {
    expect(formatWithUnit("nb", 12.5, "km")).toBe(`12,5${nbsp}km`);
    expect(formatWithUnit("en", 12.5, "km")).toBe(`12.5${nbsp}km`);
    expect(formatWithUnit("en", 1234.56, "t")).toBe(`1,235${nbsp}t`);
  });

  it("honour an explicit number of decimals", () => {
    expect(formatNumber("nb", 145.5, 2)).toBe("145,5");
    expect(formatWithUnit("en", 320, "NOK/t", 2)).toBe(`320${nbsp}NOK/t`);
  });
});

describe("the core's message keys", () => {
  const coreKeys = Object.keys(messageCatalogue) as CoreMessageKey[];

  it("each have a Norwegian and an English text, with only the key's parameters as placeholders", () => {
    const problems: string[] = [];
    for (const key of coreKeys) {
      const declared = Object.keys(messageCatalogue[key].params);
      for (const lang of languages) {
        const text = (catalogues[lang] as Record<string, string | undefined>)[key];
        if (!text?.trim()) problems.push(`${lang} ${key}: no text`);
        else for (const name of placeholders(text)) if (!declared.includes(name!)) problems.push(`${lang} ${key}: {${name}} is not a parameter`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("say an unplaced lot's reason in Norwegian without an English word or an internal code", () => {
    const mass = message("mass.hazardous", { material: "clay_silt" });
    const reason = message("unplaced.noHazardousLandfill", { mass });
    expect(translate("nb", reason.key, reason.params)).toBe("ingen deponi er godkjent for farlig avfall (leire / silt)");
    const taken = message("unplaced.receiversTaken", {
      maxKm: 60,
      months: ["2027-03–2027-05", "2027-08"],
      causes: [message("cause.demandMet", { lots: { items: ["D1", "D2", "D3"], more: 2 } }), message("cause.storageFull", { site: "Lahell", month: "2027-04" })],
    });
    expect(translate("nb", taken.key, taken.params)).toBe(
      "alle mottakere innen 60 km er opptatt i 2027-03–2027-05, 2027-08: behovet D1, D2, D3 og 2 til er allerede dekket, mellomlager Lahell fullt i 2027-04",
    );
    const demand = message("unplaced.noSource", { mass: message("mass.demandUpTo", { materials: ["rock", "gravel_sand"], class: 2 }) });
    expect(translate("nb", demand.key, demand.params)).toBe(
      "ingen overskuddsparti, mellomlager eller massetak har sprengstein / fjell eller grus / sand / pukk i tilstandsklasse 2 eller bedre",
    );
    expect(translate("en", demand.key, demand.params)).toBe(
      "no surplus lot, storage site or quarry offers rock or gravel and sand of class 2 or better",
    );
  });
});
