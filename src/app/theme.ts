import { createTheme } from '@mui/material/styles';

/** Sober clinical theme; contrast kept at WCAG AA for text on every surface. */
export const theme = createTheme({
  palette: { primary: { main: '#1f4e79' }, secondary: { main: '#6a1b9a' } },
  typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
});
