import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { CanAccess, useBasename } from 'react-admin';

/**
 * A page of the console that is not a react-admin list or show (those check access themselves): shown only to
 * roles that may read `resource`, others are sent to the access-denied page, as react-admin's own pages do.
 */
export function RequireAccess({ resource, action, children }: { resource: string; action: 'list' | 'show'; children: ReactNode }) {
  const basename = useBasename();
  return (
    <CanAccess resource={resource} action={action} accessDenied={<Navigate to={`${basename}/access-denied`} replace />}>
      {children}
    </CanAccess>
  );
}
