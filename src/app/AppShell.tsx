import { Alert, AppBar, Box, Container, Toolbar, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/components/LanguageSwitch.tsx';

/** Header (with the signed-in user line once the launch is authorised), the simulated-data notice (always visible), and the page. */
export function AppShell({ children, user }: { children: ReactNode; user?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <AppBar position="static" color="default" elevation={1}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="h1" sx={{ flexGrow: 1 }}>
            {t('app.title')}
          </Typography>
          {user}
          <LanguageSwitch />
        </Toolbar>
      </AppBar>
      <Container component="main" maxWidth="lg" sx={{ py: 2 }}>
        <Alert severity="info" data-testid="simulated-notice" sx={{ mb: 2 }}>
          {t('app.simulatedNotice')}
        </Alert>
        <Box>{children}</Box>
      </Container>
    </>
  );
}
