export const presentationButtonId = "presentation-mode-button";
