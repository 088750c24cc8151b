import { createTheme } from '@mui/material/styles';

/** Sober clinical theme; contrast kept at WCAG AA for text on every surface. */
export const theme = createTheme({
  // Status colours darkened from MUI's defaults so white chip text keeps a WCAG AA contrast of at
  // least 4.5:1 (MUI's warning orange #ed6c02 gives 3.1:1).
  palette: {
    primary: { main: '#1f4e79' },
    secondary: { main: '#6a1b9a' },
    warning: { main: '#a34a00' },
    info: { main: '#0b5c9e' },
    success: { main: '#1b5e20' },
    error: { main: '#b71c1c' },
  },
  typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
});
