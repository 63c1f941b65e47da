import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import type { MeDetails } from "../../core/domain/users-api";
import { AccountMenu } from "../features/accounts/AccountMenu";
import { balancePanelId } from "../features/balance/BalancePanel";
import { MatchingButtons } from "../features/matching/MatchingButtons";
import { OutdoorButton } from "../features/outdoor/OutdoorMount";
import { LoadsButton } from "../features/loads/LoadsMount";
import { ScenarioViewButtons } from "../features/meeting/ScenarioViewButtons";
import { projectsPanelId } from "../features/projects/ProjectsPanel";
import { sitesPanelId } from "../features/sites/SitesPanel";
import { signOut } from "../features/session/session-actions";
import { useT } from "../i18n/use-t";
import { useAppStore } from "../state/store";
import { LanguageSwitch } from "./LanguageSwitch";

/** Id of the layer panel, for the Layers button's aria-controls. */
export const layerPanelId = "layer-panel";

/** Id of the header's view buttons, which fold into the "Menu" below 700 px. */
export const headerMenuId = "header-menu";

/**
 * The header bar: product name, the Projects, Layers and Mass balance buttons, the account menu
 * (and Accounts for admins), language and Log out. Below 700 px (styles.css) all but the name fold
 * into a "Menu" button: Escape or choosing a view closes it and focus returns to the button.
 */
export function Header({ user }: { user: MeDetails }) {
  const { t } = useT();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const headerRef = useRef<HTMLElement>(null);
  const closeMenu = (returnFocus: boolean) => {
    setMenuOpen(false);
    if (returnFocus) menuButtonRef.current?.focus();
  };
  // A tap outside the header (on the map) closes the open menu.
  useEffect(() => {
    if (!menuOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!headerRef.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [menuOpen]);
  const onKeyDown = (event: KeyboardEvent) => {
    // The language and account menus close themselves first (they stop Escape).
    if (event.key === "Escape" && menuOpen && !event.defaultPrevented) {
      event.preventDefault();
      closeMenu(true);
    }
  };
  // Choosing a view (or any action) closes the menu; the buttons that open a menu inside it do not.
  const onClick = (event: MouseEvent) => {
    const button = (event.target as HTMLElement).closest("button");
    if (menuOpen && button && button.getAttribute("aria-haspopup") !== "menu") setMenuOpen(false);
  };
  const panelOpen = useAppStore((s) => s.layout.layerPanelOpen);
  const toggleLayerPanel = useAppStore((s) => s.toggleLayerPanel);
  const projectsOpen = useAppStore((s) => s.layout.projectsPanelOpen);
  const toggleProjectsPanel = useAppStore((s) => s.toggleProjectsPanel);
  const balanceOpen = useAppStore((s) => s.layout.balancePanelOpen);
  const sitesOpen = useAppStore((s) => s.sites.panelOpen);
  const toggleBalancePanel = useAppStore((s) => s.toggleBalancePanel);
  return (
    <header className="app-header" ref={headerRef} onKeyDown={onKeyDown}>
      <h1 className="app-product">
        {t("app.name")} <span className="app-municipality">Asker</span>
      </h1>
      <button
        ref={menuButtonRef}
        type="button"
        className="button header-menu-button"
        aria-expanded={menuOpen}
        aria-controls={headerMenuId}
        onClick={() => setMenuOpen(!menuOpen)}
      >
        <span className="menu-icon" aria-hidden="true" />
        {t("header.menu")}
      </button>
      <div id={headerMenuId} className="header-views" data-open={menuOpen} onClick={onClick}>
        <button
          type="button"
          className="button button-toggle"
          aria-expanded={projectsOpen}
          aria-controls={projectsPanelId}
          onClick={toggleProjectsPanel}
        >
          <span className="list-icon" aria-hidden="true" />
          {t("header.projects")}
        </button>
        <button
          type="button"
          className="button button-toggle"
          aria-expanded={sitesOpen}
          aria-controls={sitesPanelId}
          onClick={() => {
            if (!sitesOpen) {
              useAppStore.getState().setLayerPanelOpen(false);
              useAppStore.getState().setProjectsPanelOpen(false);
            }
            useAppStore.getState().setSitesPanelOpen(!sitesOpen);
          }}
        >
          <span className="pin-icon" aria-hidden="true" />
          {t("sites.header")}
        </button>
        <button
          type="button"
          className="button button-toggle"
          aria-expanded={panelOpen}
          aria-controls={layerPanelId}
          onClick={toggleLayerPanel}
        >
          <span className="layers-icon" aria-hidden="true" />
          {t("header.layers")}
        </button>
        <button
          type="button"
          className="button button-toggle"
          aria-expanded={balanceOpen}
          aria-controls={balanceOpen ? balancePanelId : undefined}
          onClick={toggleBalancePanel}
        >
          <span className="chart-icon" aria-hidden="true" />
          {t("header.balance")}
        </button>
        <OutdoorButton />
        <LoadsButton />
        <MatchingButtons />
        <ScenarioViewButtons />
        <span className="header-spacer" />
        <AccountMenu user={user} />
        <LanguageSwitch />
        <button type="button" className="button" onClick={() => void signOut()}>
          {t("header.logOut")}
        </button>
      </div>
    </header>
  );
}
