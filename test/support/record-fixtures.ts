/** Small hand-made records for the app's unit tests. */
import type { Lot, Project, Site, ZoningArea } from "../../src/core/domain/records";
import type { Load } from "../../src/core/loads/load";
import { summariseProject, type ProjectSummary } from "../../src/core/domain/registry-api";

export function lot(overrides: Partial<Lot> = {}): Lot {
  return {
    id: "L1",
    projectId: "P1",
    direction: "surplus",
    material: "rock",
    contaminationClass: 1,
    quantity: { value: 1000, unit: "tonnes" },
    window: { from: "2027-01", to: "2027-03" },
    flags: [],
    hazardous: false,
    notes: "",
    version: 1,
    illustrative: true,
    updatedAt: "2027-01-01T00:00:00.000Z",
    updatedBy: null,
    deletedAt: null,
    tonnes: 1000,
    ...overrides,
  };
}

export function project(overrides: Partial<Project> = {}): Project {
  return {
    id: "P1",
    name: "Asker sentrum VA",
    status: "in_progress",
    location: { type: "Point", coordinates: [10.434, 59.833] },
    contact: "Kari Nordmann",
    notes: "",
    owner: null,
    members: [],
    version: 1,
    illustrative: true,
    updatedAt: "2027-01-01T00:00:00.000Z",
    updatedBy: null,
    deletedAt: null,
    lots: [],
    ...overrides,
  };
}

/** A project as `GET /api/map/projects` answers it: `project(overrides)` with its lots summed. */
export function projectSummary(overrides: Partial<Project> = {}): ProjectSummary {
  return summariseProject(project(overrides));
}

const square = (lon: number, lat: number): Site["geometry"] => ({
  type: "Polygon",
  coordinates: [[[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]],
});

export function site(overrides: Partial<Site> = {}): Site {
  return {
    id: "S1",
    name: "Mellomlager Nord",
    kind: "storage",
    status: "candidate",
    geometry: square(10.4, 59.8),
    notes: "",
    version: 1,
    updatedAt: "2027-01-01T00:00:00.000Z",
    updatedBy: null,
    deletedAt: null,
    illustrative: true,
    ...overrides,
  };
}

export function zoningArea(overrides: Partial<ZoningArea> = {}): ZoningArea {
  return {
    id: "Z1",
    code: 1202,
    codeList: "rp",
    planId: "3203-2021-001",
    planName: "Kommuneplanens arealdel",
    status: "in_force",
    geometry: square(10.5, 59.7),
    illustrative: true,
    ...overrides,
  };
}

let loadCount = 0;
/** A live 20 t load from lot L1 to site S1 in February 2027; an id is made when none is given. */
export function load(overrides: Partial<Load> = {}): Load {
  return {
    id: `load-${++loadCount}`,
    time: "2027-02-10T08:00:00+01:00",
    from: { lotId: "L1" },
    to: { siteId: "S1" },
    quantity: { value: 20, unit: "tonnes" },
    tonnes: 20,
    vehicle: "EK 12345",
    ticket: "",
    recordedBy: "engineer",
    version: 1,
    updatedAt: "2027-02-10T07:00:00.000Z",
    updatedBy: "engineer",
    deletedAt: null,
    ...overrides,
  };
}
