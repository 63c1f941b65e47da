export const scenariosPanelId = "scenarios-panel";
