import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * A small table of figures. On a phone it scrolls sideways inside its own box, so a wide table never widens the
 * page; figures are right-aligned after the first column.
 */
export function FiguresTable({ testId, head, rows }: { testId: string; head: readonly string[]; rows: ReadonlyArray<{ key: string; cells: readonly ReactNode[] }> }) {
  return (
    <Box sx={{ overflowX: 'auto', minWidth: 0 }}>
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            {head.map((title, index) => (
              <TableCell key={title} align={index === 0 ? 'left' : 'right'} sx={{ whiteSpace: 'nowrap' }}>
                {title}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              {row.cells.map((cell, index) => (
                <TableCell key={head[index] ?? index} align={index === 0 ? 'left' : 'right'} sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
