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

/** The header bar: product name, the Projects, Layers and Mass balance buttons, the account menu (and Accounts for admins), language and Log out. */
export function Header({ user }: { user: MeDetails }) {
  const { t } = useT();
  const panelOpen = useAppStore((s) => s.layout.layerPanelOpen);
  const toggleLayerPanel = useAppStore((s) => s.toggleLayerPanel);
  const projectsOpen = useAppStore((s) => s.layout.projectsPanelOpen);
  const toggleProjectsPanel = useAppStore((s) => s.toggleProjectsPanel);
  const balanceOpen = useAppStore((s) => s.layout.balancePanelOpen);
  const sitesOpen = useAppStore((s) => s.sites.panelOpen);
  const toggleBalancePanel = useAppStore((s) => s.toggleBalancePanel);
  return (
    <header className="app-header">
      <h1 className="app-product">
        {t("app.name")} <span className="app-municipality">Asker</span>
      </h1>
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
    </header>
  );
}
