export const compareButtonId = "compare-button";
