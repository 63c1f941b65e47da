import type { StateCreator } from "zustand";
import type { Lang } from "../i18n/i18n";
import type { AppState } from "./store";

export interface LanguageSlice {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export const createLanguageSlice: StateCreator<AppState, [], [], LanguageSlice> = (set) => ({
  lang: "nb",
  setLang: (lang) => set({ lang }),
});
