import { NavLink, ScrollArea } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { NAV_ITEMS, type NavItem } from './navigation';

interface AppNavbarProps {
  isAdmin: boolean;
  /** Called after a link is followed, so the burger menu closes on small screens. */
  onNavigate: () => void;
}

function isWithin(pathname: string, to: string): boolean {
  return pathname === to || pathname.startsWith(`${to}/`);
}

function NavEntry({ item, pathname, isAdmin, onNavigate }: { item: NavItem; pathname: string; isAdmin: boolean; onNavigate: () => void }) {
  const Icon = item.icon;
  const icon = Icon ? <Icon size={18} stroke={1.6} /> : undefined;
  const children = item.children?.filter((child) => isAdmin || !child.adminOnly);
  if (children) {
    return (
      <NavLink label={item.label} leftSection={icon} defaultOpened={isWithin(pathname, item.to)} childrenOffset={28}>
        {children.map((child) => (
          <NavEntry key={child.to} item={child} pathname={pathname} isAdmin={isAdmin} onNavigate={onNavigate} />
        ))}
        {item.more && <item.more onNavigate={onNavigate} />}
      </NavLink>
    );
  }
  const active = item.end ? pathname === item.to : isWithin(pathname, item.to);
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={icon}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
    />
  );
}

export function AppNavbar({ isAdmin, onNavigate }: AppNavbarProps) {
  const { pathname } = useLocation();
  return (
    <ScrollArea component="nav" aria-label="Main" p="xs">
      {NAV_ITEMS.map((item) => (
        <NavEntry key={item.to} item={item} pathname={pathname} isAdmin={isAdmin} onNavigate={onNavigate} />
      ))}
    </ScrollArea>
  );
}
