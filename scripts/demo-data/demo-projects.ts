/**
 * The illustrative construction projects of the Asker demo set: invented for demonstration,
 * placed at real places. Script-only data; `demo-records.ts` places, validates and writes them.
 *
 * Quantities are sized so the set digs out a few hundred thousand tonnes over 2027–2029, the
 * order of magnitude a municipality of Asker's size handles a year, and so every material has
 * both surplus and demand, which gives matching something to do.
 */
import type { Material, QuantityUnit } from "../../src/core/domain/materials";
import type { DemoPlaceKey } from "./places";
import type { Position } from "./geo";

export interface LotSpec {
  direction: "surplus" | "demand";
  material: Material;
  /** Surplus: measured TA-2553 class; demand: the worst class it accepts. */
  contaminationClass: number;
  value: number;
  unit: QuantityUnit;
  /** First month, YYYY-MM. */
  from: string;
  /** Length of the window in months (1–10). */
  months: number;
  notes?: string;
  hazardous?: boolean;
}

export interface ProjectSpec {
  key: string;
  name: string;
  place: DemoPlaceKey;
  status: "planned" | "in_progress";
  contact: string;
  notes: string;
  /** A fixed position instead of a jittered one, for projects that must sit in a given zone. */
  at?: Position;
  /** Drawn as a rectangle (m) instead of a point. */
  outline?: { widthM: number; heightM: number; rotationDeg: number };
  lots: LotSpec[];
}

function lot(direction: LotSpec["direction"]) {
  return (
    material: Material,
    contaminationClass: number,
    value: number,
    unit: QuantityUnit,
    from: string,
    months: number,
    notes?: string,
  ): LotSpec => ({ direction, material, contaminationClass, value, unit, from, months, ...(notes ? { notes } : {}) });
}
const surplus = lot("surplus");
const demand = lot("demand");

// Contacts name a role, never a person: the set is illustrative.
const kommune = "Prosjektleder, Asker kommune (eksempel)";
const kommuneEiendom = "Prosjektleder, Asker kommune Eiendom (eksempel)";
const kommuneVa = "Prosjektleder, Asker kommune Vann og avløp (eksempel)";
const fylke = "Prosjektleder, Akershus fylkeskommune (eksempel)";
const vegvesen = "Byggeleder, Statens vegvesen (eksempel)";
const privat = "Prosjektleder, privat utbygger (eksempel)";

const illustrative = "Illustrativt eksempelprosjekt for Massekart, ikke en reell plan.";

export const demoProjects: readonly ProjectSpec[] = [
  {
    key: "P01",
    name: "Asker sentrum – nytt rådhuskvartal",
    place: "asker",
    status: "in_progress",
    contact: kommuneEiendom,
    notes: `${illustrative} Byggegrop for to kjelleretasjer i fjell under leirlag.`,
    outline: { widthM: 180, heightM: 120, rotationDeg: 15 },
    lots: [
      surplus("rock", 1, 8000, "m3_in_place", "2027-02", 6, "Sprengstein fra byggegropa, egnet til fylling og forsterkningslag."),
      surplus("clay_silt", 2, 6000, "tonnes", "2027-01", 3, "Leire over fjell; bløt, må avvannes før bruk."),
      surplus("mixed", 3, 4500, "tonnes", "2027-01", 2, "Gamle fyllmasser under parkeringsplassen; PAH og bly i tilstandsklasse 3."),
      demand("gravel_sand", 1, 7000, "tonnes", "2028-02", 4, "Drenslag og bærelag rundt bygget."),
    ],
  },
  {
    key: "P02",
    name: "Asker stasjon – ny bussterminal",
    place: "asker",
    status: "planned",
    contact: fylke,
    notes: `${illustrative} Ny terminal med plattformer og venteareal.`,
    lots: [
      surplus("mixed", 2, 6000, "m3_loose", "2027-09", 4, "Eksisterende vegoppbygging og fyllmasser."),
      demand("rock", 1, 8000, "tonnes", "2027-11", 3, "Sprengstein til forsterkningslag."),
      demand("gravel_sand", 1, 5000, "tonnes", "2028-01", 3),
      demand("concrete", 1, 3000, "tonnes", "2027-11", 3, "Knust betong 0/32 i forsterkningslaget under bussterminalen."),
    ],
  },
  {
    key: "P03",
    name: "Slemmestad – ny adkomstvei til sentrum",
    place: "slemmestad",
    status: "planned",
    contact: kommune,
    notes: `${illustrative} Ny kommunal veg med fjellskjæring ned mot sentrum.`,
    outline: { widthM: 320, heightM: 40, rotationDeg: 30 },
    lots: [
      surplus("rock", 1, 10000, "m3_in_place", "2027-04", 8, "Fjellskjæring; kalkstein og skifer, ikke alunskifer (prøvetatt)."),
      surplus("moraine", 1, 8000, "m3_in_place", "2027-03", 5),
      demand("gravel_sand", 1, 6000, "m3_compacted", "2028-01", 4, "Bærelag for ny veg."),
    ],
  },
  {
    key: "P04",
    name: "Slemmestad brygge – leilighetsbygg",
    place: "slemmestad",
    status: "planned",
    contact: privat,
    notes: `${illustrative} Boligbygg på gammel industrigrunn ved sjøen.`,
    lots: [
      surplus("clay_silt", 2, 8000, "tonnes", "2027-05", 4),
      surplus("mixed", 4, 3500, "tonnes", "2027-05", 2, "Industrifylling fra sementfabrikkens tid; tungmetaller i tilstandsklasse 4."),
      demand("moraine", 1, 4000, "tonnes", "2028-04", 3, "Tette masser til terrengarbeider."),
    ],
  },
  {
    key: "P05",
    name: "Heggedal sentrum – boligfelt Heggedalsbakken",
    place: "heggedal",
    status: "in_progress",
    contact: privat,
    notes: `${illustrative} Rekkehus og blokker i skrånende terreng.`,
    outline: { widthM: 250, heightM: 160, rotationDeg: -10 },
    lots: [
      surplus("rock", 1, 9000, "m3_in_place", "2027-01", 10, "Sprengning for tomter og garasjeanlegg."),
      surplus("topsoil", 1, 5000, "m3_loose", "2027-01", 2, "Matjord avtatt før anleggsstart; mellomlagres for tilbakeføring."),
      demand("gravel_sand", 1, 9000, "tonnes", "2027-09", 6),
      demand("topsoil", 1, 3000, "m3_loose", "2028-05", 3, "Vekstjord til uteområder."),
    ],
  },
  {
    key: "P06",
    name: "Heggedal stasjon – ny undergang",
    place: "heggedal",
    status: "planned",
    contact: kommune,
    notes: `${illustrative} Gang- og sykkelundergang under jernbanen.`,
    lots: [
      surplus("clay_silt", 2, 3500, "m3_in_place", "2027-06", 3),
      demand("rock", 1, 2500, "tonnes", "2027-08", 2, "Sprengstein til masseutskifting under undergangen."),
    ],
  },
  {
    key: "P07",
    name: "Røyken skole – ny ungdomsskole",
    place: "royken",
    status: "planned",
    contact: kommuneEiendom,
    notes: `${illustrative} Ny ungdomsskole med idrettshall.`,
    at: [10.405, 59.742],
    outline: { widthM: 150, heightM: 110, rotationDeg: 5 },
    lots: [
      surplus("moraine", 1, 6000, "m3_in_place", "2027-03", 4),
      surplus("rock", 1, 3000, "m3_in_place", "2027-04", 3),
      demand("gravel_sand", 1, 6000, "tonnes", "2027-08", 4),
      demand("topsoil", 1, 2500, "tonnes", "2028-04", 2, "Vekstjord til skolegården."),
    ],
  },
  {
    key: "P08",
    name: "Røyken sentrum – VA-sanering",
    place: "royken",
    status: "in_progress",
    contact: kommuneVa,
    notes: `${illustrative} Utskifting av vann- og avløpsledninger i sentrum.`,
    lots: [
      surplus("mixed", 2, 5000, "m3_loose", "2027-01", 8, "Grøftemasser."),
      surplus("gravel_sand", 1, 2500, "tonnes", "2027-01", 8, "Gammel sandomfylling som kan brukes igjen."),
      demand("gravel_sand", 1, 4500, "tonnes", "2027-01", 8, "Omfyllingsmasser rundt ledninger; krever ny, sortert sand."),
    ],
  },
  {
    key: "P09",
    name: "Spikkestad stasjon – innfartsparkering",
    place: "spikkestad",
    status: "planned",
    contact: fylke,
    notes: `${illustrative} Utvidet innfartsparkering på bløt grunn.`,
    lots: [
      surplus("topsoil", 1, 2500, "m3_loose", "2027-04", 1),
      surplus("clay_silt", 2, 5000, "tonnes", "2027-04", 3),
      demand("rock", 1, 12000, "tonnes", "2027-05", 3, "Sprengstein til forsterkningslag på bløt leire."),
      demand("gravel_sand", 1, 4000, "tonnes", "2027-07", 2),
    ],
  },
  {
    key: "P10",
    name: "Spikkestad nord – nytt boligfelt",
    place: "spikkestad",
    status: "planned",
    contact: privat,
    notes: `${illustrative} Småhusbebyggelse på tidligere skogsmark.`,
    lots: [
      surplus("moraine", 1, 8000, "m3_in_place", "2028-03", 6),
      surplus("rock", 1, 4000, "m3_in_place", "2028-04", 4),
      demand("topsoil", 1, 4000, "m3_loose", "2029-04", 3),
      surplus("peat", 1, 3000, "m3_in_place", "2028-03", 2, "Torv fra myrdraget i feltet; holdes adskilt fra andre masser."),
    ],
  },
  {
    key: "P11",
    name: "Sætre – VA-oppgradering",
    place: "saetre",
    status: "in_progress",
    contact: kommuneVa,
    notes: `${illustrative} Nye hovedledninger og pumpestasjon.`,
    lots: [
      surplus("mixed", 2, 7000, "tonnes", "2027-02", 9),
      surplus("clay_silt", 3, 3000, "tonnes", "2027-03", 4, "Masser fra gammel havnefylling; tilstandsklasse 3."),
      demand("gravel_sand", 1, 6500, "tonnes", "2027-02", 9, "Ledningssone og omfylling."),
    ],
  },
  {
    key: "P12",
    name: "Sætre sentrum – nytt sentrumsbygg",
    place: "saetre",
    status: "planned",
    contact: privat,
    notes: `${illustrative} Forretninger på gateplan og boliger over.`,
    lots: [
      surplus("rock", 1, 4000, "m3_in_place", "2028-01", 4),
      demand("mixed", 2, 5000, "tonnes", "2028-09", 3, "Fyllmasser til terrengarrondering; tåler tilstandsklasse 2."),
    ],
  },
  {
    key: "P13",
    name: "Tofte – havneområde",
    place: "tofte",
    status: "planned",
    contact: kommune,
    notes: `${illustrative} Ny kai og molo; utfylling i sjø krever egen tillatelse.`,
    outline: { widthM: 220, heightM: 90, rotationDeg: 40 },
    lots: [
      surplus("clay_silt", 4, 8000, "tonnes", "2027-06", 4, "Strandnære masser ved havna; TBT og PAH i tilstandsklasse 4."),
      surplus("mixed", 5, 1500, "tonnes", "2027-06", 2, "Fylling ved gammelt verksted; tilstandsklasse 5, krever godkjent mottak."),
      demand("rock", 1, 35000, "tonnes", "2027-10", 6, "Sprengstein til molo og utfylling."),
    ],
  },
  {
    key: "P14",
    name: "Tofte – gang- og sykkelvei langs Fv281",
    place: "tofte",
    status: "planned",
    contact: fylke,
    notes: `${illustrative} 1,5 km gang- og sykkelvei.`,
    lots: [
      surplus("moraine", 1, 6000, "m3_in_place", "2028-04", 4),
      demand("gravel_sand", 1, 5000, "tonnes", "2028-05", 4),
      demand("asphalt", 1, 900, "tonnes", "2028-05", 3, "Returasfalt i bærelaget for gang- og sykkelveien."),
    ],
  },
  {
    key: "P15",
    name: "Vollen – gang- og sykkelvei langs Fv165",
    place: "vollen",
    status: "in_progress",
    contact: fylke,
    notes: `${illustrative} Ny gang- og sykkelvei med støttemurer.`,
    outline: { widthM: 500, heightM: 20, rotationDeg: 80 },
    lots: [
      surplus("moraine", 1, 5000, "m3_in_place", "2027-03", 6),
      surplus("clay_silt", 2, 4000, "m3_in_place", "2027-03", 4),
      demand("gravel_sand", 1, 7500, "m3_compacted", "2027-05", 6, "Forsterkningslag og bærelag."),
    ],
  },
  {
    key: "P16",
    name: "Vollen – utbedring av brygga",
    place: "vollen",
    status: "planned",
    contact: kommune,
    notes: `${illustrative} Erosjonssikring og ny brygge.`,
    lots: [
      surplus("clay_silt", 3, 2500, "tonnes", "2028-05", 2, "Strandsonemasser; tilstandsklasse 3."),
      demand("rock", 1, 6000, "tonnes", "2028-06", 3, "Plastringsstein til erosjonssikring."),
    ],
  },
  {
    key: "P17",
    name: "Nesbru – næringsbygg",
    place: "nesbru",
    status: "planned",
    contact: privat,
    notes: `${illustrative} Kontor- og næringsbygg med parkeringskjeller.`,
    lots: [
      surplus("rock", 1, 6000, "m3_in_place", "2027-06", 5),
      surplus("mixed", 3, 5000, "tonnes", "2027-05", 2, "Tidligere bensinstasjon på tomta: oljeforurensning i tilstandsklasse 3."),
      demand("gravel_sand", 1, 3000, "tonnes", "2027-11", 2),
    ],
  },
  {
    key: "P18",
    name: "Nesbru – bekkeåpning og flomsikring",
    place: "nesbru",
    status: "planned",
    contact: kommuneVa,
    notes: `${illustrative} Lukket bekk åpnes og får nytt løp.`,
    lots: [
      surplus("clay_silt", 2, 3000, "m3_in_place", "2028-06", 3),
      demand("moraine", 1, 5000, "tonnes", "2028-07", 3, "Tette masser til tetting av bekkeløpet."),
      demand("peat", 1, 2000, "tonnes", "2028-07", 3, "Torv til ny våtmark langs det åpnede bekkeløpet."),
    ],
  },
  {
    key: "P19",
    name: "Billingstad – lager/logistikk",
    place: "billingstad",
    status: "in_progress",
    contact: privat,
    notes: `${illustrative} Lagerbygg med stor planert tomt.`,
    outline: { widthM: 200, heightM: 140, rotationDeg: 10 },
    lots: [
      surplus("rock", 1, 9000, "m3_in_place", "2027-01", 7, "Planering av tomta."),
      surplus("topsoil", 1, 3000, "m3_loose", "2027-01", 1),
      demand("gravel_sand", 1, 8000, "tonnes", "2027-07", 3),
    ],
  },
  {
    key: "P20",
    name: "Billingstad – E18-kryss, ny rampe",
    place: "billingstad",
    status: "planned",
    contact: vegvesen,
    notes: `${illustrative} Ny av- og påkjøringsrampe.`,
    outline: { widthM: 300, heightM: 40, rotationDeg: 20 },
    lots: [
      surplus("rock", 1, 7000, "m3_in_place", "2028-02", 6),
      surplus("mixed", 4, 4000, "tonnes", "2028-01", 2, "Vegskråning med tungmetaller og PAH fra trafikk; tilstandsklasse 4."),
      demand("moraine", 2, 12000, "tonnes", "2028-06", 4, "Fylling i vegfylling; tåler tilstandsklasse 2."),
      surplus("asphalt", 1, 1500, "tonnes", "2028-02", 2, "Fresasfalt fra rampen som bygges om."),
    ],
  },
  {
    key: "P21",
    name: "Hvalstad – ny barneskole",
    place: "hvalstad",
    status: "planned",
    contact: kommuneEiendom,
    notes: `${illustrative} Ny barneskole som erstatter gammel skole.`,
    at: [10.468, 59.853],
    outline: { widthM: 130, heightM: 100, rotationDeg: -20 },
    lots: [
      surplus("moraine", 1, 5000, "m3_in_place", "2028-01", 4),
      surplus("clay_silt", 1, 5000, "tonnes", "2028-01", 3),
      demand("gravel_sand", 1, 5000, "tonnes", "2028-06", 3),
      demand("topsoil", 1, 2000, "m3_loose", "2029-04", 2),
    ],
  },
  {
    key: "P22",
    name: "Holmen – svømmehall",
    place: "holmen",
    status: "in_progress",
    contact: kommuneEiendom,
    notes: `${illustrative} Ny svømmehall med 25-metersbasseng.`,
    lots: [
      surplus("rock", 1, 5000, "m3_in_place", "2027-02", 4),
      surplus("clay_silt", 2, 6000, "tonnes", "2027-02", 2),
      demand("gravel_sand", 1, 4000, "tonnes", "2027-08", 3),
      surplus("concrete", 1, 1800, "m3_in_place", "2027-02", 2, "Riving av den gamle svømmehallen: ren betong, knuses på stedet."),
    ],
  },
  {
    key: "P23",
    name: "Drengsrud – barnehage",
    place: "drengsrud",
    status: "planned",
    contact: kommuneEiendom,
    notes: `${illustrative} Barnehage med seks avdelinger.`,
    lots: [
      surplus("moraine", 1, 3500, "m3_in_place", "2028-03", 2),
      demand("gravel_sand", 1, 1500, "tonnes", "2028-05", 2),
      demand("topsoil", 1, 1200, "m3_loose", "2028-09", 1, "Rene masser til lekeareal (tilstandsklasse 1)."),
    ],
  },
  {
    key: "P24",
    name: "Fv165 Slemmestadveien – rundkjøring ved Vettre",
    place: "vettre",
    status: "planned",
    contact: fylke,
    notes: `${illustrative} Ny rundkjøring erstatter lysregulert kryss.`,
    lots: [
      surplus("mixed", 3, 3000, "tonnes", "2027-09", 2, "Gammel vegfylling; tilstandsklasse 3."),
      surplus("clay_silt", 2, 2500, "m3_in_place", "2027-09", 2),
      demand("rock", 1, 5000, "tonnes", "2027-10", 2),
      demand("gravel_sand", 1, 2500, "tonnes", "2027-11", 2),
    ],
  },
  {
    key: "P25",
    name: "Borgen – ny idrettshall",
    place: "borgen",
    status: "planned",
    contact: kommuneEiendom,
    notes: `${illustrative} Flerbrukshall ved eksisterende skole.`,
    lots: [
      surplus("rock", 1, 4000, "m3_in_place", "2028-05", 3),
      demand("mixed", 2, 3000, "tonnes", "2028-09", 2, "Fyllmasser bak støttemur."),
      demand("topsoil", 1, 1500, "m3_loose", "2029-05", 2),
    ],
  },
  {
    key: "P26",
    name: "Bødalen – nytt høydebasseng",
    place: "bodalen",
    status: "planned",
    contact: kommuneVa,
    notes: `${illustrative} Høydebasseng sprengt inn i åsen.`,
    lots: [
      surplus("rock", 1, 3500, "m3_in_place", "2027-05", 4),
      demand("gravel_sand", 1, 1500, "tonnes", "2027-09", 2),
    ],
  },
  {
    key: "P27",
    name: "Vettre – nytt omsorgsbygg",
    place: "vettre",
    status: "planned",
    contact: kommuneEiendom,
    notes: `${illustrative} Omsorgsboliger med fellesareal.`,
    lots: [
      surplus("moraine", 1, 6000, "m3_in_place", "2029-01", 3),
      surplus("topsoil", 1, 1500, "m3_loose", "2029-01", 1),
      demand("gravel_sand", 1, 2500, "tonnes", "2029-05", 3),
    ],
  },
  {
    key: "P28",
    name: "Åros – nytt avløpsrenseanlegg",
    place: "aros",
    status: "planned",
    contact: kommuneVa,
    notes: `${illustrative} Renseanlegg delvis i fjell.`,
    lots: [
      surplus("rock", 1, 6000, "m3_in_place", "2028-02", 6),
      surplus("clay_silt", 2, 4000, "tonnes", "2028-01", 3),
      surplus("gravel_sand", 1, 8000, "m3_in_place", "2028-01", 3, "Sand- og grusavsetning i byggegropa, godt egnet til gjenbruk."),
      demand("gravel_sand", 1, 6000, "tonnes", "2028-06", 4, "Sortert pukk til drenering; kan ikke tas fra egen grop."),
    ],
  },
  {
    key: "P29",
    name: "Filtvet – utbedring av Fv281",
    place: "filtvet",
    status: "planned",
    contact: fylke,
    notes: `${illustrative} Breddeutvidelse og ny grøft.`,
    outline: { widthM: 400, heightM: 20, rotationDeg: 60 },
    lots: [
      surplus("rock", 1, 3000, "m3_in_place", "2029-03", 5),
      surplus("moraine", 2, 5000, "m3_in_place", "2029-03", 4),
      demand("gravel_sand", 1, 4000, "tonnes", "2029-05", 4),
    ],
  },
  {
    key: "P30",
    name: "Holmsbu – kaiområde og sjøfront",
    place: "holmsbu",
    status: "planned",
    contact: kommune,
    notes: `${illustrative} Opprusting av kai og offentlig sjøfront.`,
    lots: [
      {
        ...surplus(
          "clay_silt",
          5,
          800,
          "tonnes",
          "2028-05",
          1,
          "Farlig avfall etter avfallsforskriften kap. 11 (TBT fra gammel båtslipp), i tillegg til tilstandsklasse 5. Skal kun til mottak godkjent for farlig avfall.",
        ),
        hazardous: true,
      },
      surplus("mixed", 3, 2000, "tonnes", "2028-05", 2),
      demand("rock", 1, 4000, "tonnes", "2028-07", 2, "Steinfylling bak ny kaifront."),
    ],
  },
  {
    key: "P31",
    name: "Klokkarstua – ny barneskole",
    place: "klokkarstua",
    status: "planned",
    contact: kommuneEiendom,
    notes: `${illustrative} Skole og nærmiljøanlegg.`,
    at: [10.447, 59.636],
    outline: { widthM: 120, heightM: 90, rotationDeg: 10 },
    lots: [
      surplus("moraine", 1, 5000, "m3_in_place", "2028-08", 4),
      surplus("topsoil", 1, 2500, "m3_loose", "2028-08", 1),
      demand("gravel_sand", 1, 4500, "tonnes", "2029-01", 4),
      demand("topsoil", 1, 1500, "m3_loose", "2029-08", 2),
    ],
  },
  {
    key: "P32",
    name: "E134 ved Spikkestad – støyvoll",
    place: "spikkestad",
    status: "planned",
    contact: vegvesen,
    notes: `${illustrative} Støyvoll mot boligområdet; tar imot overskuddsmasser.`,
    lots: [
      demand("mixed", 2, 25000, "tonnes", "2028-03", 6, "Blandede masser til vollen, opp til tilstandsklasse 2."),
      demand("clay_silt", 2, 8000, "tonnes", "2028-03", 6, "Tette masser i kjernen av vollen."),
    ],
  },
  {
    key: "P33",
    name: "Fv167 Røykenveien – kollektivfelt",
    place: "asker",
    status: "planned",
    contact: fylke,
    notes: `${illustrative} Kollektivfelt og nye holdeplasser.`,
    outline: { widthM: 450, heightM: 25, rotationDeg: -50 },
    lots: [
      surplus("mixed", 2, 8000, "m3_loose", "2028-09", 6),
      surplus("rock", 1, 2500, "m3_in_place", "2028-10", 4),
      surplus("gravel_sand", 2, 4000, "tonnes", "2028-09", 3, "Gamle bærelag, tilstandsklasse 2."),
      demand("gravel_sand", 1, 7000, "tonnes", "2028-10", 6),
    ],
  },
  {
    key: "P34",
    name: "Heggedal – jordforbedring på dyrket mark",
    place: "heggedal",
    status: "planned",
    contact: privat,
    notes: `${illustrative} Oppfylling og arrondering av jordbruksareal; kun rene masser.`,
    lots: [
      demand("moraine", 1, 20000, "tonnes", "2027-05", 6, "Undergrunnsmasser; kun tilstandsklasse 1."),
      demand("topsoil", 1, 6000, "m3_loose", "2027-09", 2, "Matjord til toppdekke."),
      demand("clay_silt", 1, 6000, "tonnes", "2027-05", 3, "Leire til tetting av ny fangdam for avrenning."),
    ],
  },
  {
    key: "P35",
    name: "Sætre – ny kunstgressbane",
    place: "saetre",
    status: "planned",
    contact: kommuneEiendom,
    notes: `${illustrative} Kunstgressbane med drenering.`,
    lots: [
      surplus("topsoil", 1, 3000, "m3_loose", "2029-02", 1),
      demand("rock", 1, 10000, "tonnes", "2029-02", 3, "Sprengstein til forsterkningslag."),
      demand("gravel_sand", 1, 6000, "tonnes", "2029-03", 3),
    ],
  },
];
