import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useListContext, useNotify, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data-provider';
import { EXPORT_FORMATS, type ExportFormat } from '../lib/audit-export';

/** Downloads the audit log with the list's filters, as the server writes it (admins only). */
export function AuditExportButtons() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { filterValues } = useListContext();
  const [pending, setPending] = useState<ExportFormat | null>(null);

  const download = async (format: ExportFormat) => {
    setPending(format);
    try {
      const { blob, filename } = await dataProvider.exportAudit(filterValues, format);
      saveBlob(blob, filename);
      notify('gg.audit.exported', { type: 'info', messageArgs: { filename } });
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setPending(null);
    }
  };

  return (
    <>
      {EXPORT_FORMATS.map((format) => (
        <Button key={format} data-testid={`export-${format}`} size="small" startIcon={<DownloadIcon />} disabled={pending !== null} onClick={() => void download(format)}>
          {translate(`gg.audit.export_${format}`)}
        </Button>
      ))}
    </>
  );
}

/** The browser's own download, from a file already fetched with the operator's token. */
function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the object URL is no longer needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
