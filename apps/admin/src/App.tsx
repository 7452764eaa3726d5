import FlagIcon from '@mui/icons-material/Flag';
import InsightsIcon from '@mui/icons-material/Insights';
import HistoryIcon from '@mui/icons-material/History';
import MoneyOffIcon from '@mui/icons-material/MoneyOff';
import PeopleIcon from '@mui/icons-material/People';
import SavingsIcon from '@mui/icons-material/Savings';
import TableRestaurantIcon from '@mui/icons-material/TableRestaurant';
import { BrowserRouter } from 'react-router';
import { Admin, Resource } from 'react-admin';
import { AnalyticsPage } from './analytics/AnalyticsPage';
import { AuditList } from './audit/AuditList';
import { CaseList } from './cases/CaseList';
import { CaseShow } from './cases/CaseShow';
import { CONSOLE_BASENAME } from './config';
import { Dashboard } from './dashboard/Dashboard';
import { EconomyPage } from './economy/EconomyPage';
import { HoldList } from './holds/HoldList';
import { i18nProvider } from './i18n/i18n-provider';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { LoginPage } from './login/LoginPage';
import { authProvider, dataProvider } from './providers';
import { TableList } from './tables/TableList';
import { TableWatch } from './tables/TableWatch';
import { UserList } from './users/UserList';
import { UserShow } from './users/UserShow';

/**
 * The console. react-admin makes a hash router of its own unless it finds one: a browser router with the
 * `/admin` basename gives real paths (`/admin/users/ID/show`), which the server answers with index.html.
 * Without transitions: react-admin signs a visitor out by navigating to /login and clearing its query cache at
 * once, and a navigation inside a transition kept losing to those urgent updates (the sign-out ran again and again
 * for seconds before the sign-in page showed).
 */
export function App() {
  return (
    <BrowserRouter basename={CONSOLE_BASENAME} useTransitions={false}>
      <Admin
        title="Guandan Global · Operators"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        layout={ConsoleLayout}
        loginPage={LoginPage}
        dashboard={Dashboard}
        requireAuth
        // One light theme: the header keeps its room for the operator's name and role on a phone.
        darkTheme={null}
        disableTelemetry
      >
        {/* The menu lists these in this order, each only for the roles that may read it (permissions.ts). */}
        <Resource name="users" list={UserList} show={UserShow} icon={PeopleIcon} recordRepresentation="username" />
        <Resource name="cases" list={CaseList} show={CaseShow} icon={FlagIcon} />
        <Resource name="tables" list={TableList} show={TableWatch} icon={TableRestaurantIcon} />
        {/* One page rather than a list: the economy is one record, the overview, with the batches inside it. */}
        <Resource name="economy" list={EconomyPage} icon={SavingsIcon} />
        <Resource name="holds" list={HoldList} icon={MoneyOffIcon} />
        {/* One page too: a report over a range of days, the range chosen on the page. */}
        <Resource name="analytics" list={AnalyticsPage} icon={InsightsIcon} />
        <Resource name="audit" list={AuditList} icon={HistoryIcon} />
        {/* Read inside other pages only (a player's ledger, purchases and games tabs and identity tier, the economy's batches): no menu entry. */}
        <Resource name="ledger" />
        <Resource name="purchases" />
        <Resource name="games" />
        <Resource name="kyc" />
        <Resource name="batches" />
      </Admin>
    </BrowserRouter>
  );
}
