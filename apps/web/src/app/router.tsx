import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { REFERENCE_LIST_NAMES } from '../features/configuration/reference-list-names';
import { AdminOnly } from '../ui/AdminOnly';
import { AppLayout } from './AppLayout';
import { NotFound, RouteError } from './RouteError';

/** Each page is its own chunk, so the first load carries only the shell. */
function lazyPage<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(async () => ({ default: await load() }));
}

const LoginPage = lazyPage(() => import('../features/auth/LoginPage').then((m) => m.LoginPage));
const LeadsPage = lazyPage(() => import('../features/leads/LeadsPage').then((m) => m.LeadsPage));
const LeadPage = lazyPage(() => import('../features/leads/LeadPage').then((m) => m.LeadPage));
const PartnersPage = lazyPage(() => import('../features/partners/PartnersPage').then((m) => m.PartnersPage));
const PartnerPage = lazyPage(() => import('../features/partners/PartnerPage').then((m) => m.PartnerPage));
const ContactsPage = lazyPage(() => import('../features/contacts/ContactsPage').then((m) => m.ContactsPage));
const ContactPage = lazyPage(() => import('../features/contacts/ContactPage').then((m) => m.ContactPage));
const ReferenceListPage = lazyPage(() => import('../features/configuration/ReferenceListPage').then((m) => m.ReferenceListPage));
const UsersPage = lazyPage(() => import('../features/configuration/UsersPage').then((m) => m.UsersPage));
const TeamsPage = lazyPage(() => import('../features/configuration/TeamsPage').then((m) => m.TeamsPage));
const OpportunitiesBoardPage = lazyPage(() => import('../features/opportunities/OpportunitiesBoardPage').then((m) => m.OpportunitiesBoardPage));
const OpportunitiesListPage = lazyPage(() => import('../features/opportunities/OpportunitiesListPage').then((m) => m.OpportunitiesListPage));
const OpportunityPage = lazyPage(() => import('../features/opportunities/OpportunityPage').then((m) => m.OpportunityPage));
const QuotationPage = lazyPage(() => import('../features/quotations/QuotationPage').then((m) => m.QuotationPage));
const CrmSettingsPage = lazyPage(() => import('../features/settings/CrmSettingsPage').then((m) => m.CrmSettingsPage));
const TokensPage = lazyPage(() => import('../features/settings/TokensPage').then((m) => m.TokensPage));
const CalendarPage = lazyPage(() => import('../features/calendar/CalendarPage').then((m) => m.CalendarPage));
const DuplicatesPage = lazyPage(() => import('../features/duplicates/DuplicatesPage').then((m) => m.DuplicatesPage));
const MergePage = lazyPage(() => import('../features/duplicates/MergePage').then((m) => m.MergePage));
const CalendarSettingsPage = lazyPage(() => import('../features/calendar/CalendarSettingsPage').then((m) => m.CalendarSettingsPage));
const HomePage = lazyPage(() => import('../features/home/HomePage').then((m) => m.HomePage));
const ActivitiesPage = lazyPage(() => import('../features/activities/ActivitiesPage').then((m) => m.ActivitiesPage));
const ObjectivesPage = lazyPage(() => import('../features/objectives/ObjectivesPage').then((m) => m.ObjectivesPage));
const ObjectivePage = lazyPage(() => import('../features/objectives/ObjectivePage').then((m) => m.ObjectivePage));
const ReportsPage = lazyPage(() => import('../features/reports/ReportsPage').then((m) => m.ReportsPage));
const ObjectivesConfigPage = lazyPage(() => import('../features/objectives/ObjectivesConfigPage').then((m) => m.ObjectivesConfigPage));

/** The screens that find and merge duplicates, under each list they serve: `/partners/duplicates`, `/partners/merge`. */
const DUPLICATE_ROUTES = (['leads', 'partners', 'contacts'] as const).flatMap((entity) => [
  { path: `${entity}/duplicates`, element: <DuplicatesPage key={entity} entity={entity} /> },
  { path: `${entity}/merge`, element: <MergePage key={entity} entity={entity} /> },
]);

export const routes: RouteObject[] = [
  {
    path: '/login',
    element: (
      <Suspense>
        <LoginPage />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'leads', element: <LeadsPage /> },
      { path: 'leads/:id', element: <LeadPage /> },
      { path: 'partners', element: <PartnersPage /> },
      { path: 'partners/:id', element: <PartnerPage /> },
      { path: 'contacts', element: <ContactsPage /> },
      { path: 'contacts/:id', element: <ContactPage /> },
      ...DUPLICATE_ROUTES,
      { path: 'opportunities', element: <OpportunitiesBoardPage /> },
      { path: 'opportunities/list', element: <OpportunitiesListPage /> },
      { path: 'opportunities/:id', element: <OpportunityPage /> },
      { path: 'quotations/:id', element: <QuotationPage /> },
      { path: 'events', element: <CalendarPage /> },
      { path: 'events/calls', element: <ActivitiesPage kind="calls" /> },
      { path: 'events/meetings', element: <ActivitiesPage kind="meetings" /> },
      { path: 'events/tasks', element: <ActivitiesPage kind="tasks" /> },
      { path: 'events/all', element: <ActivitiesPage kind="all" /> },
      { path: 'objectives', element: <ObjectivesPage /> },
      { path: 'objectives/:id', element: <ObjectivePage /> },
      { path: 'reports/:dashboard?', element: <ReportsPage /> },
      { path: 'configuration', element: <Navigate to="/configuration/lead-sources" replace /> },
      ...REFERENCE_LIST_NAMES.map((name) => ({ path: `configuration/${name}`, element: <ReferenceListPage name={name} /> })),
      {
        path: 'configuration/users',
        element: (
          <AdminOnly>
            <UsersPage />
          </AdminOnly>
        ),
      },
      {
        path: 'configuration/teams',
        element: (
          <AdminOnly>
            <TeamsPage />
          </AdminOnly>
        ),
      },
      { path: 'configuration/crm-settings', element: <CrmSettingsPage /> },
      { path: 'configuration/calendars', element: <CalendarSettingsPage /> },
      { path: 'configuration/objectives', element: <ObjectivesConfigPage /> },
      { path: 'settings/tokens', element: <TokensPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
