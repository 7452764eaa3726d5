import HistoryIcon from '@mui/icons-material/History';
import PeopleIcon from '@mui/icons-material/People';
import { BrowserRouter } from 'react-router';
import { Admin, Resource } from 'react-admin';
import { AuditList } from './audit/AuditList';
import { CONSOLE_BASENAME } from './config';
import { Dashboard } from './dashboard/Dashboard';
import { i18nProvider } from './i18n/i18n-provider';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { LoginPage } from './login/LoginPage';
import { authProvider, dataProvider } from './providers';
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
        <Resource name="users" list={UserList} show={UserShow} icon={PeopleIcon} recordRepresentation="username" />
        <Resource name="audit" list={AuditList} icon={HistoryIcon} />
        {/* Read through a player's page only (their ledger and games tabs): no menu entry. */}
        <Resource name="ledger" />
        <Resource name="games" />
      </Admin>
    </BrowserRouter>
  );
}
