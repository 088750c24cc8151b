import { TableCell, TableHead, TableRow } from '@mui/material';

/**
 * The header row of a data table: one column header cell (`th`, `scope="col"`) per label, so screen
 * readers announce each value with its column. Labels are already translated and unique per table.
 */
export function ColumnHeads({ columns }: { columns: readonly string[] }) {
  return (
    <TableHead>
      <TableRow>
        {columns.map((h) => (
          <TableCell key={h} component="th" scope="col">
            {h}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}
