import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { ConsoleAppBar } from './ConsoleAppBar';

/**
 * react-admin's layout with our header. Its frame is at least as wide as its content (`min-width: fit-content`)
 * and the content column, a flex item, does not shrink below its content either: both are undone, so a scrollable
 * row of tabs or a long value scrolls or wraps inside a phone's width instead of widening the page.
 */
export function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <Layout appBar={ConsoleAppBar} sx={{ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }}>
      {children}
    </Layout>
  );
}
