import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectLanguage, languageStorageKey } from "./i18n/i18n";
import { useAppStore } from "./state/store";
import "./styles.css";

function savedLanguage(): string | null {
  try {
    return localStorage.getItem(languageStorageKey);
  } catch {
    return null;
  }
}

useAppStore.getState().setLang(detectLanguage(window.location.search, savedLanguage()));

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
